export { ApiKeyService, type ApiKeyPrincipal, type ApiKeyView } from './api-key-service';
export { grantsScope, isApiKeyScope } from './scope-grants';
