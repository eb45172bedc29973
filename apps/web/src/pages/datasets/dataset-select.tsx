import { Select } from '../../components/ui/input';

/** A select over the datasets a user may pick from (`datasetChoicesQuery`), empty until one is chosen. */
export function DatasetSelect({
  id,
  value,
  datasets,
  onChange,
}: {
  id: string;
  value: string;
  datasets: readonly { id: string; name: string }[] | undefined;
  onChange: (id: string) => void;
}) {
  return (
    <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Choose a dataset…</option>
      {datasets?.map((dataset) => (
        <option key={dataset.id} value={dataset.id}>
          {dataset.name}
        </option>
      ))}
    </Select>
  );
}
