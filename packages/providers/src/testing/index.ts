export {
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type FakeOpenAiServerOptions,
  type RecordedRequest,
} from './fake-openai-server';
export type { ChatRequestBody, FakeBehaviour, FakeUsage } from './behaviours';
