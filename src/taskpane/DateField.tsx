/**
 * A date field that shows and reads day/month/year whatever the browser's
 * locale: Fluent's date picker, with the core's UK reading of typed dates
 * ("31/3/24", "31 March 2024") and a calendar that starts on Monday.
 */
import * as React from 'react';
import { Field, makeStyles } from '@fluentui/react-components';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import type { DayOfWeek } from '@fluentui/react-calendar-compat';
import { dateFromIso, formatUkDate, isoFromDate, parseTypedDate, UK_CALENDAR_FORMATTING } from './view';

/** DayOfWeek.Monday (the type only is imported: the calendar's enum would add nothing else). */
const MONDAY = 1 as DayOfWeek;

const useStyles = makeStyles({
  picker: { minWidth: 0, width: '100%' },
});

export interface DateFieldProps {
  label: string;
  /** yyyy-mm-dd, or '' for no date. */
  value: string;
  /** Called with yyyy-mm-dd, or '' when the field is cleared. */
  onValue(iso: string): void;
  hint?: string;
  disabled?: boolean;
  className?: string;
}

export function DateField(props: DateFieldProps): JSX.Element {
  const own = useStyles();
  const [invalid, setInvalid] = React.useState(false);
  const value = React.useMemo(() => dateFromIso(props.value), [props.value]);
  const [open, setOpen] = React.useState(false);
  /**
   * Enter in the text box takes the typed date (as leaving the box does) and
   * keeps the focus there; Fluent's own Enter would also open the calendar.
   * The calendar is still there on a click, the calendar icon, or Alt+Down.
   */
  const onKeyDownCapture = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || open || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    e.stopPropagation();
    const input = e.target;
    input.blur();
    input.focus();
  };
  return (
    <Field
      label={props.label}
      className={props.className}
      hint={invalid ? undefined : props.hint}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? 'Type the date as day/month/year, for example 31/03/2024.' : undefined}
    >
      <div onKeyDownCapture={onKeyDownCapture} className={own.picker}>
      <DatePicker
        className={own.picker}
        allowTextInput
        value={value}
        disabled={props.disabled}
        placeholder="dd/mm/yyyy"
        formatDate={formatUkDate}
        parseDateFromString={parseTypedDate}
        firstDayOfWeek={MONDAY}
        dateTimeFormatter={UK_CALENDAR_FORMATTING}
        showGoToToday
        onValidationResult={(r) => setInvalid(r.error === 'invalid-input')}
        onOpenChange={setOpen}
        onSelectDate={(d) => props.onValue(d ? isoFromDate(d) : '')}
      />
      </div>
    </Field>
  );
}
