/**
 * Shown instead of the pane when it cannot work here: opened outside Excel,
 * or in an Excel too old for the chart features the report needs.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ThemeName } from './view';

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1 },
});

export function Unsupported(props: { reason: 'notExcel' | 'oldExcel'; theme?: ThemeName }): JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <MessageBar intent="warning" layout="multiline" data-problem={props.reason}>
          <MessageBarBody>
            {props.reason === 'notExcel' ? (
              <>
                <MessageBarTitle>Open this in Excel</MessageBarTitle>
                The PACE Permanence Tracker is an Excel add-in. Open your tracking workbook in Excel (desktop or on the web) and choose Home &gt; PACE Tracker. Without
                Excel, the command line does the same: npx pace-tracker report your-file.xlsx
              </>
            ) : (
              <>
                <MessageBarTitle>This version of Excel is too old</MessageBarTitle>
                The add-in needs Excel 2016 or later with updates (Excel API 1.7, for the run charts), or Excel on the web. Update Office, or use Excel on the web.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>
  );
}
