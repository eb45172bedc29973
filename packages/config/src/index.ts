export { loadConfig, ConfigError, type AppConfig, type ModelPrice } from './app-config';
export { parseProviderSettings, type ProviderSettings } from './provider-settings';
export { createLogger, type Logger } from './logger';
