/**
 * The "as of" date, shared by the Check, Aims and Report steps: a UK date
 * field that saves a valid date in the workbook as soon as it is chosen.
 */
import { DateField } from './DateField';
import { isIsoDate, ukDate } from './view';

export function AsOfField(props: { asOf: string; onAsOf(asOf: string): void; disabled?: boolean }): JSX.Element {
  return (
    <DateField
      label="Data as of"
      value={props.asOf}
      disabled={props.disabled}
      hint={isIsoDate(props.asOf) ? `Dates after ${ukDate(props.asOf)} count as in the future.` : undefined}
      onValue={(iso) => {
        if (isIsoDate(iso)) props.onAsOf(iso);
      }}
    />
  );
}
