// Worker-thread entry for the render pool. Workers start without the parent's TypeScript
// loader, so tsx is registered under a private namespace (it does not hook other imports)
// and the TypeScript handler is loaded through it.
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'promptops-render-worker' });
const { handleTask } = await tsx.import('./render-worker.ts', import.meta.url);

export default handleTask;
