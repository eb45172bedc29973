import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { toast } from '../../components/ui/toast';
import { refreshTemplate } from './template-queries';
import { type TemplateVersion, versionRef } from './template-versions';
import { templateRoute } from './template-route';

export type SchemaType = 'input' | 'output';

/**
 * The page's write actions on versions of `name`. Each refreshes the name's data before it
 * reports, so the badges and the version list are already right when the toast appears.
 * Activity changes report failures as toasts; schema changes throw, for their forms to show.
 */
export function useVersionActions(name: string) {
  const queryClient = useQueryClient();
  const navigate = templateRoute.useNavigate();

  async function changeActivity(action: () => Promise<TemplateVersion>, done: (version: TemplateVersion) => string, failed: string) {
    try {
      const version = await action();
      await refreshTemplate(queryClient, name);
      toast(done(version));
    } catch (error) {
      toast(`${failed}: ${(error as Error).message}`, 'error');
    }
  }

  /** After a schema change: the new version it created becomes the one shown. */
  async function showNewVersion(version: TemplateVersion, message: string) {
    await refreshTemplate(queryClient, name);
    await navigate({ search: (prev) => ({ ...prev, version: version.version_number }) });
    toast(message);
  }

  const path = (version: number) => ({ params: { path: { id: versionRef(name, version) } } });

  return {
    activate: (version: number) =>
      changeActivity(
        () => unwrap(api.POST('/v1/templates/{id}/activate', path(version))),
        (v) => `v${v.version_number} activated`,
        'Activation failed',
      ),
    deactivate: (version: number) =>
      changeActivity(
        () => unwrap(api.POST('/v1/templates/{id}/deactivate', path(version))),
        (v) => `v${v.version_number} deactivated`,
        'Deactivation failed',
      ),
    rollback: (version: number) =>
      changeActivity(
        () => unwrap(api.POST('/v1/templates/{id}/rollback', { ...path(version), body: { version } })),
        (v) => `Rolled back: ${name} now resolves to v${v.version_number}`,
        'Rollback failed',
      ),

    /** Checks the schema against the meta-schema, then saves it as a new version; throws ApiError when refused. */
    async saveSchema(version: number, schemaType: SchemaType, schemaJson: Record<string, unknown>) {
      await unwrap(api.POST('/v1/schemas/validate', { body: { schema_json: schemaJson } }));
      const { template } = await unwrap(
        api.POST('/v1/templates/{id}/schemas', { ...path(version), body: { schema_type: schemaType, schema_json: schemaJson } }),
      );
      await showNewVersion(template, `Saved as v${template.version_number}`);
    },

    async removeSchema(schemaId: string) {
      const { template } = await unwrap(api.DELETE('/v1/schemas/{id}', { params: { path: { id: schemaId } } }));
      await showNewVersion(template, `Schema removed; saved as v${template.version_number}`);
    },
  };
}
