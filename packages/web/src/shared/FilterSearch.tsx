// The search box of a workbench list whose filters live in the URL: it shows the current query, and a new search
// (or clearing it) hands the trimmed text, or undefined, to the list.
import { Input } from 'antd';

interface Props {
  value: string | undefined;
  placeholder: string;
  onSearch(value: string | undefined): void;
}

export function FilterSearch({ value, placeholder, onSearch }: Props) {
  return (
    <Input.Search
      // Re-mounted when the URL changes (back/forward), so the box shows the query the list is filtered by.
      key={value ?? ''}
      defaultValue={value}
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: 280 }}
      onSearch={(text) => onSearch(text.trim() || undefined)}
    />
  );
}
