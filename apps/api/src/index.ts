export { createApp, type ApiDependencies } from './app';
export type { AppEnv } from './http/app-env';
export { startApiServer, type RunningServer } from './server';
export { checkExposure, type Exposure } from './exposure-check';
