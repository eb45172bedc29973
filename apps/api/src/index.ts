export { createApp, type ApiDependencies, type AppEnv } from './app';
