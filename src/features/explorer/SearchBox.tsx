import { useId } from 'react';

interface SearchBoxProps {
  readonly value: string;
  /** e.g. "Search ready: 34,512 names" or "Preparing search…". */
  readonly status: string;
  readonly onChange: (value: string) => void;
}

export function SearchBox({ value, status, onChange }: SearchBoxProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="search-box">
      <label htmlFor={id}>Search names, aliases and identifiers</label>
      <input
        id={id}
        type="search"
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. Megvii, Sugon, Gazprom Bank, Kim Jong Un"
        aria-describedby={hintId}
        maxLength={200}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="search-hint">
        {status} Spelling mistakes, word order and legal forms (Co., Ltd., LLC…) do not matter.
      </p>
    </div>
  );
}
