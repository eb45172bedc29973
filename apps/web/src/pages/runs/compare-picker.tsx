import { Link } from '@tanstack/react-router';
import { GitCompare } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { Button } from '../../components/ui/button';
import { comparePair, toggleSelection } from './compare-pick';
import type { Run } from './runs-queries';
import type { RunSelection } from './runs-table';

/** Checkbox state for picking two runs of a table, and the button that opens their comparison. */
export function useComparePicker(): { selection: RunSelection; button: ReactNode } {
  const [picked, setPicked] = useState<Run[]>([]);
  const selection = useMemo<RunSelection>(
    () => ({ selected: picked.map((run) => run.id), max: 2, onToggle: (run, on) => setPicked((current) => toggleSelection(current, run, on)) }),
    [picked],
  );
  const pair = comparePair(picked);
  const sameDataset = picked.length === 2 && picked[0]?.dataset_id === picked[1]?.dataset_id;
  const button =
    pair && sameDataset ? (
      <Button asChild size="sm" variant="primary">
        <Link to="/runs/compare" search={pair}>
          <GitCompare /> Compare selected runs
        </Link>
      </Button>
    ) : (
      <Button size="sm" disabled title={picked.length === 2 ? 'Pick two runs of the same dataset' : 'Tick two runs of the same dataset'}>
        <GitCompare /> Compare {picked.length}/2 selected
      </Button>
    );
  return { selection, button };
}
