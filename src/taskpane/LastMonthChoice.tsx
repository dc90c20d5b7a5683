/**
 * On the Report step: "Show last month's points". With it ticked and last
 * month's tracker (or the submission copy this workbook made) chosen, each
 * aim's run chart also shows every child's point as it was last month. The
 * file is read on this computer, by the same reader as Compare with…
 */
import * as React from 'react';
import { Button, Checkbox } from '@fluentui/react-components';
import type { ChosenFile } from '../core/usecases/types';
import { useStepStyles, XlsxFileInput } from './parts';

export interface LastMonthChoiceProps {
  /** The chosen file, or null (not asked for, or no file chosen yet). */
  file: ChosenFile | null;
  wanted: boolean;
  onWanted(wanted: boolean): void;
  onFile(file: ChosenFile | null): void;
  disabled?: boolean;
}

export function LastMonthChoice({ file, wanted, onWanted, onFile, disabled }: LastMonthChoiceProps): JSX.Element {
  const styles = useStepStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div>
      <Checkbox
        label="Show last month’s points on the run charts"
        checked={wanted}
        disabled={disabled}
        data-testid="last-month-switch"
        onChange={(_, d) => onWanted(Boolean(d.checked))}
      />
      {wanted && (
        <div className={styles.row}>
          <XlsxFileInput
            ref={input}
            testId="last-month-file"
            onFile={(chosen) => void chosen.arrayBuffer().then((buffer) => onFile({ name: chosen.name, bytes: new Uint8Array(buffer) }))}
          />
          <Button disabled={disabled} onClick={() => input.current?.click()}>
            {file ? 'Choose another file…' : 'Choose last month’s file…'}
          </Button>
          <span className={styles.note} data-testid="last-month-name">
            {file ? file.name : 'Last month’s tracker, or the submission copy this workbook made. It is read on this computer.'}
          </span>
        </div>
      )}
    </div>
  );
}
