import { Migration } from '@mikro-orm/migrations';

/**
 * Description and category move from each version to the template name (one row per name, with
 * free tags), and categories become free slugs. Datasets refer to a template by name (following
 * the version it resolves to) or by name and version (pinned), and are soft-deleted once they have
 * runs.
 *
 * A name takes its metadata from the version it resolves to, else from its highest visible one,
 * else from its highest deleted one. Existing dataset ties pointed at one version id, so they
 * become pinned to that version: their evaluations keep running exactly what they ran before.
 */
export class TemplateNamesAndDatasetRefs extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prompt_template_names" ("name" varchar(200) not null, "description" text not null default '', "category" varchar(40) not null default 'other', "tags" text[] not null default '{}', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "prompt_template_names_pkey" primary key ("name"));`,
    );
    this.addSql(`insert into "prompt_template_names" ("name", "description", "category", "created_at", "updated_at")
      select distinct on ("name") "name", "description", "category"::text,
             min("created_at") over (partition by "name"), max("updated_at") over (partition by "name")
        from "prompt_templates"
       order by "name", ("deleted_at" is null) desc, "is_active" desc, "version_number" desc;`);
    this.addSql(`create index "prompt_template_names_category_idx" on "prompt_template_names" ("category");`);
    this.addSql(`create index "prompt_template_names_tags_idx" on "prompt_template_names" using gin ("tags");`);
    this.addSql(`drop index "prompt_templates_category_active_idx";`);
    this.addSql(`alter table "prompt_templates" drop column "category", drop column "description";`);
    this.addSql(`drop type "template_category";`);
    this.addSql(
      `alter table "prompt_templates" add constraint "prompt_templates_name_foreign" foreign key ("name") references "prompt_template_names" ("name") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "prompt_datasets" add column "template_name" varchar(200) null, add column "template_version" int null, add column "deleted_at" timestamptz null;`,
    );
    this.addSql(`update "prompt_datasets" d set "template_name" = t."name", "template_version" = t."version_number"
      from "prompt_templates" t where t."id" = d."template_id";`);
    this.addSql(`alter table "prompt_datasets" drop constraint "prompt_datasets_template_id_foreign";`);
    this.addSql(`drop index "prompt_datasets_template_idx";`);
    this.addSql(`alter table "prompt_datasets" drop column "template_id";`);
    this.addSql(`create index "prompt_datasets_template_name_idx" on "prompt_datasets" ("template_name");`);
    this.addSql(`alter table "prompt_datasets" drop constraint "prompt_datasets_name_unique";`);
    this.addSql(`create unique index "prompt_datasets_name_unique" on "prompt_datasets" ("name") where "deleted_at" is null;`);
  }

  /** Back to per-version metadata; categories outside the old list become `other`, tags are lost. */
  override async down(): Promise<void> {
    this.addSql(`drop index "prompt_datasets_name_unique";`);
    this.addSql(`delete from "prompt_datasets" where "deleted_at" is not null;`);
    this.addSql(`alter table "prompt_datasets" add constraint "prompt_datasets_name_unique" unique ("name");`);
    this.addSql(`drop index "prompt_datasets_template_name_idx";`);
    this.addSql(`alter table "prompt_datasets" add column "template_id" uuid null;`);
    this.addSql(`update "prompt_datasets" d set "template_id" = (
      select t."id" from "prompt_templates" t
       where t."name" = d."template_name" and t."deleted_at" is null
         and (t."version_number" = d."template_version" or (d."template_version" is null and t."is_active"))
       order by t."version_number" desc limit 1);`);
    this.addSql(`alter table "prompt_datasets" drop column "template_name", drop column "template_version", drop column "deleted_at";`);
    this.addSql(`create index "prompt_datasets_template_idx" on "prompt_datasets" ("template_id");`);
    this.addSql(
      `alter table "prompt_datasets" add constraint "prompt_datasets_template_id_foreign" foreign key ("template_id") references "prompt_templates" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "prompt_templates" drop constraint "prompt_templates_name_foreign";`);
    this.addSql(
      `create type "template_category" as enum ('chat', 'auto_issue', 'feedback_issue', 'documentation', 'readme_update', 'sub_issue', 'generation', 'evaluation', 'other');`,
    );
    this.addSql(
      `alter table "prompt_templates" add column "category" "template_category" not null default 'other', add column "description" text not null default '';`,
    );
    this.addSql(`update "prompt_templates" t set "description" = n."description",
      "category" = case when n."category" = any (enum_range(null::"template_category")::text[]) then n."category"::"template_category" else 'other' end
      from "prompt_template_names" n where n."name" = t."name";`);
    this.addSql(`create index "prompt_templates_category_active_idx" on "prompt_templates" ("category", "is_active");`);
    this.addSql(`drop table "prompt_template_names";`);
  }
}
