/**
 * The "as of" date, shared by the Check, Aims and Report steps: a UK date
 * field that saves a valid date in the workbook as soon as it is chosen, and,
 * when the sheet's title names another as-of date, a one-click offer to use it.
 */
import { DateField } from './DateField';
import { TitleAsOf, usePaneChoices } from './Figures';
import { isIsoDate, ukDate } from './view';

export function AsOfField(props: { asOf: string; onAsOf(asOf: string): void; disabled?: boolean }): JSX.Element {
  const { titleAsOf } = usePaneChoices();
  return (
    <>
      <DateField
        label="Data as of"
        value={props.asOf}
        disabled={props.disabled}
        hint={isIsoDate(props.asOf) ? `Dates after ${ukDate(props.asOf)} count as in the future.` : undefined}
        onValue={(iso) => {
          if (isIsoDate(iso)) props.onAsOf(iso);
        }}
      />
      <TitleAsOf offer={titleAsOf} asOf={props.asOf} onAsOf={props.onAsOf} disabled={props.disabled} />
    </>
  );
}
