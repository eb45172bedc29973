import type { JsonSchemaValidator } from '@promptops/schemas';
import type { Judge } from '../judge-runner';
import { jsonEqualScorer, jsonFieldMatchScorer, jsonSchemaScorer } from './json-scorers';
import { llmJudgeScorer } from './llm-judge-scorer';
import { numericScorer } from './numeric-scorer';
import type { Scorer, ScorerConfig } from './scorer-types';
import { similarityScorer } from './similarity-scorers';
import { containsScorer, exactMatchScorer, regexScorer } from './text-scorers';

export interface ScorerDeps {
  validator: JsonSchemaValidator;
  judge: Judge;
}

export function createScorer(config: ScorerConfig, deps: ScorerDeps): Scorer {
  switch (config.type) {
    case 'exact_match':
      return exactMatchScorer(config);
    case 'contains':
    case 'not_contains':
      return containsScorer(config);
    case 'regex':
      return regexScorer(config);
    case 'json_equal':
      return jsonEqualScorer();
    case 'json_schema':
      return jsonSchemaScorer(config, deps.validator);
    case 'json_field_match':
      return jsonFieldMatchScorer(config);
    case 'numeric':
      return numericScorer(config);
    case 'similarity':
      return similarityScorer(config);
    case 'llm_judge':
      return llmJudgeScorer(config, deps.judge);
  }
}
