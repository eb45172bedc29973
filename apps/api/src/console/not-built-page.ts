/** What `/` shows when apps/web/dist is missing: the API works, only the console's build is absent. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>PromptOps: console not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The console is not built</h1>
<p>The API is running, but the web console's files are missing. Build them with</p>
<pre>npm run build -w @promptops/web</pre>
<p>and reload this page (<code>npm start</code> builds it too). Meanwhile the API reference is at <a href="/docs">/docs</a>
and the queues at <a href="/admin/queues">/admin/queues</a>.</p>
</body>
</html>
`;
