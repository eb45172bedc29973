/** Fills a fresh database with many templates and executions in a few set-based statements. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { TEMPLATE_CATEGORIES } from '@promptops/db';

export interface SeededCounts {
  names: number;
  versions: number;
  executions: number;
}

/**
 * `names` distinct template names (1 in 3 with two versions, 1 in 10 with three; 1 in 20 names
 * has its newest version inactive), executions on every other name spread over the last two days
 * (1 in 6 failed) so the 24-hour stats have something to count, and usage counters that agree
 * with them. Statistics are refreshed at the end, as autovacuum would after such a load.
 */
export async function seedTemplates(em: EntityManager, names: number): Promise<SeededCounts> {
  const benchName = `'Bench ' || lpad(n::text, 5, '0') || ' ' || (array['summary', 'triage', 'reply', 'review', 'extract'])[1 + n % 5]`;
  await em.execute(
    `insert into prompt_template_names (name, description, category, tags, created_at, updated_at)
     select ${benchName}, 'Benchmark template number ' || n || ' of the console speed run',
       (array(select jsonb_array_elements_text(?::jsonb)))[1 + n % 9], array['bench', 'group-' || (n % 7)], now(), now()
     from generate_series(1, ?::int) as n`,
    [JSON.stringify(TEMPLATE_CATEGORIES), names],
  );
  await em.execute(
    `insert into prompt_templates (id, name, system_prompt, user_prompt_template, provider,
       version_number, parent_version, is_active, created_at, updated_at)
     select gen_random_uuid(),
       ${benchName},
       'You are a careful assistant for {{ company.name }}.',
       'Summarise the ticket "{{ ticket.title }}" for {{ customer.name }}.',
       case when n % 7 = 0 then 'mock' else 'auto' end,
       v, nullif(v - 1, 0),
       not (v = s.versions and n % 20 = 0),
       now() - interval '1 minute' * (n + (s.versions - v) * 600),
       now() - interval '1 minute' * (n + (s.versions - v) * 600)
     from generate_series(1, ?::int) as n
     cross join lateral (select case when n % 10 = 0 then 3 when n % 3 = 0 then 2 else 1 end as versions) as s
     cross join lateral generate_series(1, s.versions) as v`,
    [names],
  );
  await em.execute(
    `insert into prompt_executions (id, template_id, input_context, provider, model, status, failure_kind,
       prompt_tokens, completion_tokens, total_tokens, execution_time_ms, attempts, executed_at, started_at, finished_at)
     select gen_random_uuid(), t.id, '{"ticket": {"title": "Login fails"}}'::jsonb, 'mock', 'mock',
       (case when k % 6 = 0 then 'failed' else 'succeeded' end)::execution_status,
       (case when k % 6 = 0 then 'provider' end)::failure_kind,
       120, 40, 160, 350, 1, at, at, at + interval '350 milliseconds'
     from prompt_templates t
     cross join lateral generate_series(1, 1 + t.version_number + (abs(hashtext(t.name)) % 5)) as k
     cross join lateral (select now() - interval '1 minute' * ((abs(hashtext(t.name)) + k * 419) % 2880) as at) as moment
     where abs(hashtext(t.name)) % 2 = 0`,
  );
  await em.execute(
    `update prompt_templates t set usage_count = used.n, last_used_at = used.last
     from (select template_id, count(*)::int as n, max(executed_at) as last from prompt_executions group by template_id) as used
     where used.template_id = t.id`,
  );
  await em.execute('analyze prompt_templates');
  await em.execute('analyze prompt_executions');
  const [counts] = await em.execute<{ names: number; versions: number; executions: number }[]>(
    `select (select count(distinct name)::int from prompt_templates where name like 'Bench %') as names,
            (select count(*)::int from prompt_templates where name like 'Bench %') as versions,
            (select count(*)::int from prompt_executions) as executions`,
  );
  if (!counts) throw new Error('counting the seeded rows returned nothing');
  return counts;
}
