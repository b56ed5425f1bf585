interface VersionPickerProps {
  label: string;
  value: string;
  onChange: (id: string) => void;
  /** Version ids, the current text's pseudo-id first. */
  options: string[];
  optionLabel: (id: string) => string;
  testId: string;
}

/** One side of a comparison: a labelled list of the guide's versions and the current text. */
export function VersionPicker({ label, value, onChange, options, optionLabel, testId }: VersionPickerProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((id) => (
          <option key={id} value={id}>
            {optionLabel(id)}
          </option>
        ))}
      </select>
    </label>
  );
}
