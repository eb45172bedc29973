import { Save } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { SideBySideDiff } from '../../components/diff/side-by-side-diff';
import { stableJson } from '../../components/diff/side-by-side-rows';
import { Button } from '../../components/ui/button';
import { Dialog, DialogClose, DialogContent } from '../../components/ui/dialog';
import { Table, Td, Th, Tr } from '../../components/ui/table';
import { type NewVersionBody, settingChanges, splitChanges, type Template } from './template-form';

function DiffSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2" aria-label={title}>
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {children}
    </section>
  );
}

/**
 * "Save as new version": what the new version changes against the one being edited, before it is
 * written. When only the template's details (description, category, tags) changed, no version is
 * created: they are saved on the name. `onSave` resolves when saved (the dialog then closes) and
 * rejects to keep it open.
 */
export function SaveVersionDialog({
  open,
  onOpenChange,
  base,
  changes,
  onSave,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  base: Template;
  changes: NewVersionBody;
  onSave: () => Promise<void>;
}) {
  const [saving, setSaving] = useState(false);
  const settings = settingChanges(changes, base);
  const nothingChanged = Object.keys(changes).length === 0;
  const { details, content } = splitChanges(changes);
  const detailsOnly = !nothingChanged && Object.keys(content).length === 0;
  const touchesDetails = Object.keys(details).length > 0;
  const fromLabel = detailsOnly ? 'Saved' : `v${base.version_number} (saved)`;
  const toLabel = detailsOnly ? 'New' : 'New version';
  let description = `Changes against v${base.version_number}, the version you started from. Versions are immutable: this creates the next one.`;
  if (nothingChanged) description = `Nothing differs from v${base.version_number}.`;
  else if (detailsOnly)
    description = 'Description, category and tags belong to the template, not to a version: saving changes them for every version and creates no new one.';
  else if (touchesDetails) description += ' The description, category and tags change for every version.';

  async function save() {
    setSaving(true);
    try {
      await onSave();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !saving && onOpenChange(next)}>
      <DialogContent
        title={detailsOnly ? `Save the details of ${base.name}` : `Save ${base.name} as a new version`}
        description={description}
        className="w-[min(64rem,calc(100vw-2rem))]"
        footer={
          <>
            <DialogClose asChild>
              <Button disabled={saving}>Keep editing</Button>
            </DialogClose>
            <Button variant="primary" onClick={save} disabled={nothingChanged || saving}>
              <Save /> {nothingChanged ? 'No changes' : saving ? 'Saving…' : detailsOnly ? 'Save details' : 'Save new version'}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-5">
          {nothingChanged ? (
            <p className="text-sm text-zinc-500">Edit the prompts, settings or schemas first; an identical version would add nothing.</p>
          ) : null}
          {settings.length > 0 ? (
            <DiffSection title="Settings">
              <div className="overflow-hidden rounded-md border border-zinc-200">
                <Table>
                  <thead>
                    <tr>
                      <Th>Setting</Th>
                      <Th>{fromLabel}</Th>
                      <Th>{toLabel}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {settings.map((change) => (
                      <Tr key={change.field}>
                        <Td className="font-medium">{change.label}</Td>
                        <Td className="max-w-xs truncate text-red-700" title={change.before}>
                          {change.before}
                        </Td>
                        <Td className="max-w-xs truncate text-emerald-700" title={change.after}>
                          {change.after}
                        </Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </DiffSection>
          ) : null}
          {changes.system_prompt !== undefined ? (
            <DiffSection title="System prompt">
              <SideBySideDiff before={base.system_prompt} after={changes.system_prompt} beforeLabel={fromLabel} afterLabel={toLabel} />
            </DiffSection>
          ) : null}
          {changes.user_prompt_template !== undefined ? (
            <DiffSection title="User prompt template">
              <SideBySideDiff before={base.user_prompt_template} after={changes.user_prompt_template} beforeLabel={fromLabel} afterLabel={toLabel} />
            </DiffSection>
          ) : null}
          {(['input_schema', 'output_schema'] as const).map((field) =>
            changes[field] !== undefined ? (
              <DiffSection key={field} title={field === 'input_schema' ? 'Input schema' : 'Output schema'}>
                <SideBySideDiff
                  before={stableJson(base[field]) || '(none)'}
                  after={stableJson(changes[field]) || '(removed)'}
                  beforeLabel={fromLabel}
                  afterLabel={toLabel}
                />
              </DiffSection>
            ) : null,
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
