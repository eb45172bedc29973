export { ApiKeyService, type ApiKeyPrincipal, type ApiKeyView } from './api-key-service';
export { ConsoleSessionService, CONSOLE_SESSION_IDLE_MS } from './console-session-service';
export { grantsScope, isApiKeyScope } from './scope-grants';
