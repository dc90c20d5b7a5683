/**
 * The "as of" date, shared by the Check, Aims and Report steps: a date input
 * that saves a valid date in the workbook as soon as it is chosen.
 */
import * as React from 'react';
import { Field, Input } from '@fluentui/react-components';
import { isIsoDate, ukDate } from './view';

export function AsOfField(props: { asOf: string; onAsOf(asOf: string): void; disabled?: boolean }): JSX.Element {
  const [text, setText] = React.useState(props.asOf);
  React.useEffect(() => setText(props.asOf), [props.asOf]);
  const valid = isIsoDate(text);
  return (
    <Field
      label="Data as of"
      hint={valid ? `Dates after ${ukDate(text)} count as in the future.` : undefined}
      validationState={valid || text === '' ? 'none' : 'error'}
      validationMessage={valid || text === '' ? undefined : 'Choose a whole date (day, month and year).'}
    >
      <Input
        type="date"
        value={text}
        disabled={props.disabled}
        onChange={(_, d) => {
          setText(d.value);
          if (isIsoDate(d.value)) props.onAsOf(d.value);
        }}
      />
    </Field>
  );
}
