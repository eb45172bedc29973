export { ApiKeyService, type ApiKeyPrincipal } from './api-key-service';
export type { ApiKeyView } from '@promptops/validators';
export { ConsoleSessionService, CONSOLE_SESSION_IDLE_MS } from './console-session-service';
export { grantsScope, isApiKeyScope } from './scope-grants';
