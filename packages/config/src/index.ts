export { loadConfig, ConfigError, type AppConfig, type ModelPrice } from './app-config';
export { parseProviderSettings, type ProviderSettings } from './provider-settings';
export { createLogger, type DestinationStream, type Logger } from './logger';
