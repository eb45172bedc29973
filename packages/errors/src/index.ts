export { PromptTemplateError } from './prompt-template-error';
export { PromptTemplateNotFoundError } from './prompt-template-not-found-error';
export { PromptRenderError } from './prompt-render-error';
export { PromptValidationError } from './prompt-validation-error';
export { PromptSchemaError } from './prompt-schema-error';
export { PromptConflictError } from './prompt-conflict-error';
export { InvalidRequestError } from './invalid-request-error';
export { PayloadTooLargeError } from './payload-too-large-error';
