// Generated from the API's /openapi.json by `npm run api:generate -w @promptops/web`; do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Liveness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics of this process
         * @description Needs an admin key, or METRICS_TOKEN as the bearer token (accepted on this path only).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL (with every migration applied) and Redis answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
                /** @description A dependency is down or a migration is pending */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every alert rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every rule, by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertRuleList"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an alert rule (admin): failure rate or p95 latency over a window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAlertRule"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertRule"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alert-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rule */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertRule"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an alert rule (admin); its alerts stay */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an alert rule (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateAlertRule"];
                };
            };
            responses: {
                /** @description The changed rule */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertRule"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, newest first, by kind, acknowledged or not, budget or rule */
        get: {
            parameters: {
                query?: {
                    acknowledged?: "true" | "false";
                    budget_id?: string;
                    kind?: "budget" | "failure_rate" | "p95_latency_ms";
                    limit?: number;
                    offset?: number | null;
                    rule_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of alerts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert (a second time keeps the first time) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The acknowledged alert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Executions, success rate, tokens, cost and latency over time, for everything or a template, version, provider or model
         * @description Read from rollups PostgreSQL keeps as executions end (UTC hours), so it costs the same whatever the number of executions. 400 when `from` is not before `to`, or the range holds too many buckets; 404 for a template (or version) that does not exist.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Point width (UTC); default hour up to 7 days, day beyond. At most 1000 points, else 400. */
                    bucket?: "hour" | "day";
                    /** @description Start (ISO 8601), widened down to its bucket; default: 7 days before `to` */
                    from?: string;
                    /** @description Only executions on this model */
                    model?: string;
                    /** @description Only executions on this provider */
                    provider?: string;
                    /** @description A template name (all its versions unless `version`) */
                    template?: string;
                    /** @description End, exclusive (ISO 8601), widened up to its bucket; default: now */
                    to?: string;
                    /** @description One version of `template` */
                    version?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The series, its totals and, for a template, each version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnalyticsSeries"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/top": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Template names ranked by cost or by failures over a range */
        get: {
            parameters: {
                query: {
                    /** @description `cost`: highest total cost first; `failures`: most failed executions first (templates without failures left out) */
                    by: "cost" | "failures";
                    /** @description Start (ISO 8601), widened down to its bucket; default: 7 days before `to` */
                    from?: string;
                    limit?: number;
                    /** @description Only executions on this model */
                    model?: string;
                    /** @description Only executions on this provider */
                    provider?: string;
                    /** @description End, exclusive (ISO 8601), widened up to its bucket; default: now */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The ranking, highest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnalyticsTopTemplates"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every budget with its current period's spend */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every budget, by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BudgetList"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a budget (admin): a template name, a provider or everything, per UTC day or month, in USD or tokens */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBudget"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/budgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A budget with its current period's spend */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The budget */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a budget (admin); its alerts stay */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a budget (admin); raising a spent hard limit admits submissions again at once */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateBudget"];
                };
            };
            responses: {
                /** @description The changed budget */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List datasets by name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description Case-insensitive substring of name or description */
                    q?: string;
                    /** @description Only datasets tied to this template name (following it or pinned to a version) */
                    template?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of datasets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a dataset, optionally tied to a template (by name, or pinned to a version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDataset"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a dataset with its entry count and tag summary */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dataset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetDetail"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a dataset: with its entries when it was never evaluated; soft (hidden, runs and results kept) when it has runs */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description How the dataset was deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetDeleteResult"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, describe, or re-tie a dataset (`template: null` unties it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateDataset"];
                };
            };
            responses: {
                /** @description The updated dataset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dataset"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/datasets/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List entries, optionally filtered by tags */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description `any`: at least one tag; `all`: every tag */
                    match?: "any" | "all";
                    offset?: number | null;
                    /** @description `oldest`: the order entries were written or imported; `newest`: the reverse */
                    order?: "oldest" | "newest";
                    /** @description Comma-separated tags, e.g. `smoke,edge` */
                    tags?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetEntryPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add one entry; input_data is checked against the template's input schema unless `validate=false` */
        post: {
            parameters: {
                query?: {
                    /** @description `false` skips checking input_data against the template's input schema */
                    validate?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DatasetEntryInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetEntry"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/entries/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetEntry"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an entry; executions that used it keep their rows */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change input_data, expected_output or tags of an entry */
        patch: {
            parameters: {
                query?: {
                    /** @description `false` skips checking input_data against the template's input schema */
                    validate?: "true" | "false";
                };
                header?: never;
                path: {
                    entryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DatasetEntryUpdate"];
                };
            };
            responses: {
                /** @description The updated entry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetEntry"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/datasets/{id}/entries/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream every entry as JSON Lines, oldest first, in the shape the import accepts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `application/jsonl`: one DatasetEntryInput JSON object per line */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/entries/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk-import entries from a JSON array or JSON Lines, in one transaction
         * @description Any malformed item rejects the whole import (400, `details.issues` lists each bad item by `index` or `line`); input_data breaking the template's input schema rejects it with 422 unless `validate=false`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description `true` skips entries whose (input_data, expected_output) already exist */
                    dedupe?: "true" | "false";
                    /** @description `false` skips checking input_data against the template's input schema */
                    validate?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Up to 10000 entries, all written or none */
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DatasetEntryInput"][] | {
                        entries: components["schemas"]["DatasetEntryInput"][];
                    };
                    "application/jsonl": string;
                    "application/x-ndjson": string;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Imported */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DatasetImportResult"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/datasets/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dataset's runs, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of runs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Evaluate a template version over the dataset's entries with scorers */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Sent again with the same body to the same route and resource (within IDEMPOTENCY_TTL_HOURS, 24 h by default), the request returns what it created the first time; with a different body it is refused with 422 `idempotency_key_reused` */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubmitRun"];
                };
            };
            responses: {
                /** @description Idempotent replay of an earlier submission */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Accepted and queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List executions, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Only failed or cancelled executions that ended this way */
                    failure_kind?: "render" | "validation" | "provider" | "timeout" | "cancelled";
                    /** @description Executed at or after (ISO 8601) */
                    from?: string;
                    /** @description template, raw or generation */
                    kind?: "template" | "raw" | "generation";
                    /** @description Page size (1 to 200) */
                    limit?: number;
                    /** @description Rows to skip */
                    offset?: number | null;
                    /** @description Only executions of this evaluation run */
                    run_id?: string;
                    /** @description Only executions in this state */
                    status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                    /** @description A template name (every version, deleted ones included) or `name@N` (exactly that version); an unknown name gives an empty page */
                    template?: string;
                    /** @description Only executions of this exact template version id */
                    template_id?: string;
                    /** @description Executed before (ISO 8601) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of executions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExecutionPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Submit a prompt execution (template + context, or raw prompts) */
        post: {
            parameters: {
                query?: {
                    /** @description Seconds to wait for the result (max 60) before answering 202 */
                    wait?: number | null;
                };
                header?: {
                    /** @description Sent again with the same body to the same route and resource (within IDEMPOTENCY_TTL_HOURS, 24 h by default), the request returns what it created the first time; with a different body it is refused with 422 `idempotency_key_reused` */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubmitExecution"];
                };
            };
            responses: {
                /** @description Finished within `wait`, or an idempotent replay of a finished one */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Execution"];
                    };
                };
                /** @description Accepted and queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExecutionAccepted"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one execution with prompts, output, tokens, cost, timing and attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The execution */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Execution"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/executions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running execution
         * @description An execution that had already finished is answered unchanged (check `status`), as a finished run is.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The execution after cancelling, or unchanged when it had already finished */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Execution"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/executions/{id}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an execution again as a new execution
         * @description Submits a new execution with the same template version and context (or the same raw prompts and output schema) and the same provider, model and sampling settings. The original is left as it was. Items of an evaluation run answer 409: re-run them with `POST /v1/runs/{id}/rerun-failed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new execution, queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExecutionAccepted"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys, including revoked ones (admin); never shows keys or hashes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKeyList"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (admin); the key is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApiKey"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin); it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The revoked key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured providers (configuration order, then mock) and what `auto` resolves to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The providers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProviderCatalog"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs of every dataset (or of one), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Only this dataset's runs */
                    dataset_id?: string;
                    limit?: number;
                    offset?: number | null;
                    status?: "queued" | "running" | "completed" | "failed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of runs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run with its progress and summary (live while it runs) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running run and its unfinished executions
         * @description A run that had already finished is answered unchanged (check `status`), as a finished execution is.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run after cancelling, or unchanged when it had already finished */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/rerun-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new run (linked by parent_run_id) over only the items that failed */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Sent again with the same body to the same route and resource (within IDEMPOTENCY_TTL_HOURS, 24 h by default), the request returns what it created the first time; with a different body it is refused with 422 `idempotency_key_reused` */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RerunFailed"];
                };
            };
            responses: {
                /** @description Idempotent replay of an earlier request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Accepted and queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per item: input, expected output, output and scores */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated entry ids (at most 200): only their items, every repetition */
                    dataset_entry_ids?: string;
                    limit?: number;
                    offset?: number | null;
                    /** @description `false` includes items whose execution failed */
                    passed?: "true" | "false";
                    status?: "pending" | "running" | "scored" | "failed" | "cancelled";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of results */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunResultPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a cancelled run: its unfinished items run again under the same run
         * @description Finished items keep their results; each resumed item gets a new execution (the cancelled ones stay as history). 409 unless the run is cancelled with items left.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Run"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two finished runs over the same dataset, entry by entry, with significance tests */
        get: {
            parameters: {
                query: {
                    /** @description Run compared against */
                    base: string;
                    /** @description Run being judged */
                    candidate: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The comparison */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunComparison"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one schema */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The schema */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptSchema"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a schema: creates the next version of its template's name with the new schema */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplacePromptSchema"];
                };
            };
            responses: {
                /** @description The new version and its schema */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptSchemaChange"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a schema: creates the next version of its template's name without it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The new version (schema is null) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptSchemaChange"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a JSON Schema against the draft 2020-12 meta-schema without saving it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ValidatePromptSchema"];
                };
            };
            responses: {
                /** @description The schema is valid */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptSchemaValid"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the request acts as: the signed-in key, or `local` while no key exists and the client is on this machine */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Sign a browser in with an API key: sets an HttpOnly session cookie acting as that key (8 h after its last use) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        /** @description promptops_session=<token>; Path=/; HttpOnly; SameSite=Strict (and Secure over HTTPS) */
                        "Set-Cookie": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out: ends the session on the server and clears the cookie (any scope) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List template versions (by default ordered by name, newest version first), or one row per name */
        get: {
            parameters: {
                query?: {
                    /** @description Only names in this category */
                    category?: string;
                    /** @description Add each row's executions over the last 24 hours as `stats` (with per_name: every version of the name) */
                    include_stats?: "true" | "false";
                    /** @description Only active (`true`) or inactive (`false`) versions */
                    is_active?: "true" | "false";
                    /** @description Only the version each name resolves to */
                    latest_only?: "true" | "false";
                    /** @description Page size (1 to 200) */
                    limit?: number;
                    /** @description Exact name */
                    name?: string;
                    /** @description Rows to skip */
                    offset?: number | null;
                    /** @description One row per name: the version it resolves to or, when no version is active, its highest version, with `version_count`. The other filters apply to that row; `total` counts names. */
                    per_name?: "true" | "false";
                    /** @description Only versions set to this provider */
                    provider?: string;
                    /** @description Case-insensitive substring of name or description */
                    q?: string;
                    /** @description Order; `-` means descending. Default `name`; ties by name, then newest version; nulls last. */
                    sort?: "name" | "-name" | "updated_at" | "-updated_at" | "created_at" | "-created_at" | "usage_count" | "-usage_count" | "last_used_at" | "-last_used_at";
                    /** @description Only names carrying this tag; repeat it (`tag=a&tag=b`) for names carrying every one of them */
                    tag?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of template versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplatePage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create version 1 of a new template name, optionally with input/output schemas */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTemplate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one version by id, `name` (the version it resolves to) or `name@N` */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a whole template (a bare name: every version) or one version (`name@N` or an id): each version hard when it never ran, soft (hidden, kept for history) when it has executions or runs */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What was deleted, and what the name resolves to now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateDeleteResult"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change metadata: description, category and tags belong to the name and change for every version; is_active changes the version addressed. Content changes answer 409 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTemplate"];
                };
            };
            responses: {
                /** @description The updated version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/templates/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a version (the name resolves to its highest active version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a version; the name falls back to the next lower active one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from `against` (old) to this version (new): fields, prompt line diffs, schemas */
        get: {
            parameters: {
                query: {
                    /** @description Base to compare with: a version number of the same name, an id, a name or `name@N` */
                    against: string;
                };
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The differences */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateDiff"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new name (version 1) from this version; `source_template_id` records the origin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DuplicateTemplate"];
                };
            };
            responses: {
                /** @description The new template */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render both prompts with a context (checked against the input schema first) without calling a model
         * @description A render or syntax error answers 422 `render_error` with `details.field` (`system_prompt` or `user_prompt_template`) and `details.line`/`details.column` (1-based; null when the renderer cannot place it, e.g. a timeout); a context failing the input schema answers 422 `validation_error` with `details.violations`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RenderTemplate"];
                };
            };
            responses: {
                /** @description The rendered prompts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RenderedPrompts"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make `version` the one the name resolves to: activate it and deactivate every higher version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RollbackTemplate"];
                };
            };
            responses: {
                /** @description The version now resolved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A version's input and output schemas */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The schemas */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptSchemaList"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Set the input or output schema: creates the next version of the name with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddPromptSchema"];
                };
            };
            responses: {
                /** @description The new version and its schema */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PromptSchemaChange"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Variables used by the system and user prompts, and an input schema suggested from them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The variables */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateVariables"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the name, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The versions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateVersionList"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create the next version of the name, copying this version and applying the changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Version id, `name` (the version the name resolves to) or `name@N`; URL-encode names */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewTemplateVersion"];
                };
            };
            responses: {
                /** @description The new version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Categories and tags in use, with how many template names carry each, and the suggested categories */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Categories and tags in use */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateFacets"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Have an LLM write a new prompt template from a description
         * @description Runs the built-in "Prompt Generator" template through the execution pipeline. When it succeeds, the execution's `generated_template_id` names a new, inactive draft template with its input schema.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Seconds to wait for the result (max 60) before answering 202 */
                    wait?: number | null;
                };
                header?: {
                    /** @description Sent again with the same body to the same route and resource (within IDEMPOTENCY_TTL_HOURS, 24 h by default), the request returns what it created the first time; with a different body it is refused with 422 `idempotency_key_reused` */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GenerateTemplate"];
                };
            };
            responses: {
                /** @description Finished within `wait` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Execution"];
                    };
                };
                /** @description Accepted and queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExecutionAccepted"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render unsaved prompts with a context and list their variables, without saving anything
         * @description Renders in the same sandbox, with the same limits, as a saved version. An invalid `input_schema` answers 422 `schema_error`. A render or syntax error answers 422 `render_error` with `details.field` (`system_prompt` or `user_prompt_template`) and `details.line`/`details.column` (1-based; null when the renderer cannot place it, e.g. a timeout); a context failing the input schema answers 422 `validation_error` with `details.violations`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateDraftPreviewRequest"];
                };
            };
            responses: {
                /** @description The rendered prompts and their variables */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateDraftPreview"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Semantically invalid (schema, render or validation error) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every webhook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookList"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a webhook (admin); its signing secret is in this response only
         * @description Loopback, private, link-local and metadata addresses are refused (400) unless WEBHOOK_ALLOW_PRIVATE_TARGETS or WEBHOOK_ALLOWED_CIDRS allow them; 409 not_configured without WEBHOOK_SECRET_KEY.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateWebhook"];
                };
            };
            responses: {
                /** @description Created, with the secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedWebhook"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook and its delivery log (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook (admin): url, description, enabled */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateWebhook"];
                };
            };
            responses: {
                /** @description The changed webhook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Webhook"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Payload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's delivery attempts, newest first, with status codes and answers */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of attempts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryPage"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed ping now (admin) and answer with the attempt as logged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attempt, whatever the receiver answered */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description API key lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with stored state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddPromptSchema: {
            name?: string;
            /** @description A JSON Schema (draft 2020-12) object */
            schema_json: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            schema_type: "input" | "output";
        };
        Alert: {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            acknowledged_at: string | null;
            /** Format: uuid */
            budget_id: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "budget" | "failure_rate" | "p95_latency_ms";
            message: string;
            /** @description Spend (USD or tokens), failure rate or p95 ms when it fired */
            observed: number;
            /**
             * Format: date-time
             * @description The budget's period, or the rule's cool-down slot
             * @example 2025-01-31T12:00:00.000Z
             */
            period_start: string;
            /** Format: uuid */
            rule_id: string | null;
            /**
             * Format: uuid
             * @description The budget or rule that fired (kept after it is deleted)
             */
            subject_id: string;
            subject_name: string;
            /** @description Percent for budgets; the rule threshold otherwise */
            threshold: number;
        };
        AlertPage: {
            items: components["schemas"]["Alert"][];
            limit: number;
            offset: number;
            total: number;
            /** @description Unacknowledged alerts in all, whatever the filters */
            unacknowledged: number;
        };
        AlertRule: {
            cooldown_minutes: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            enabled: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            metric: "failure_rate" | "p95_latency_ms";
            min_executions: number;
            name: string;
            scope: components["schemas"]["AlertScope"];
            threshold: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updated_at: string;
            window_minutes: number;
        };
        AlertRuleList: {
            items: components["schemas"]["AlertRule"][];
        };
        /**
         * @example {
         *       "kind": "template",
         *       "value": "Greeter"
         *     }
         */
        AlertScope: {
            /** @enum {string} */
            kind: "global" | "template" | "provider";
            /** @description The template name or provider; none for `global` */
            value?: string;
        };
        AnalyticsMetrics: {
            cancelled: number;
            completion_tokens: number;
            /** @description cost_usd / succeeded: what a success costs, failed attempts included */
            cost_per_success_usd: number | null;
            cost_usd: number;
            /** @description Executions that ended (succeeded, failed or cancelled) */
            executions: number;
            failed: number;
            /** @description Failed executions by failure kind */
            failures: {
                provider: number;
                render: number;
                timeout: number;
                validation: number;
            };
            /** @description Execution latency; percentiles from histograms (log-spaced buckets, about 31 % wide), interpolated within a bucket */
            latency_ms: {
                mean: number | null;
                p50: number | null;
                p95: number | null;
                p99: number | null;
            };
            prompt_tokens: number;
            succeeded: number;
            /** @description succeeded / (succeeded + failed); null with neither */
            success_rate: number | null;
        };
        AnalyticsPoint: components["schemas"]["AnalyticsMetrics"] & {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            bucket_start: string;
        };
        AnalyticsSeries: {
            /** @enum {string} */
            bucket: "hour" | "day";
            /**
             * Format: date-time
             * @description Start of the range served (the first bucket)
             * @example 2025-01-31T12:00:00.000Z
             */
            from: string;
            scope: {
                model: string | null;
                provider: string | null;
                template: string | null;
                version: number | null;
            };
            /** @description One point per bucket, empty ones included */
            series: components["schemas"]["AnalyticsPoint"][];
            /**
             * Format: date-time
             * @description End of the range served, exclusive
             * @example 2025-01-31T12:00:00.000Z
             */
            to: string;
            totals: components["schemas"]["AnalyticsMetrics"];
            /** @description Per version, highest first, for a template without `version`; null otherwise */
            versions: components["schemas"]["AnalyticsVersion"][] | null;
        };
        AnalyticsTopTemplates: {
            /** @enum {string} */
            by: "cost" | "failures";
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            from: string;
            items: {
                cost_usd: number;
                executions: number;
                failed: number;
                succeeded: number;
                success_rate: number | null;
                template_name: string;
            }[];
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            to: string;
        };
        AnalyticsVersion: components["schemas"]["AnalyticsMetrics"] & {
            version: number;
        };
        ApiKey: {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Non-secret start of the key, to tell keys apart
             * @example po_0b5f1c7e
             */
            key_prefix: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             * @example 2025-01-31T12:00:00.000Z
             */
            last_used_at: string | null;
            name: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            revoked_at: string | null;
            scopes: ("read" | "write" | "admin")[];
        };
        ApiKeyList: {
            items: components["schemas"]["ApiKey"][];
        };
        /** @description Signed in with an API key, by session cookie or Authorization header */
        ApiKeyPrincipal: {
            /** Format: uuid */
            key_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "api_key";
            name: string;
            scopes: ("read" | "write" | "admin")[];
        };
        Budget: {
            amount: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            current: {
                /**
                 * Format: date-time
                 * @example 2025-01-31T12:00:00.000Z
                 */
                period_end: string;
                /**
                 * Format: date-time
                 * @example 2025-01-31T12:00:00.000Z
                 */
                period_start: string;
                /** @description spent / amount */
                ratio: number;
                spent: number;
            };
            hard_limit: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            metric: "usd" | "tokens";
            name: string;
            /** @enum {string} */
            period: "day" | "month";
            scope: components["schemas"]["AlertScope"];
            thresholds: number[];
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updated_at: string;
        };
        BudgetList: {
            items: components["schemas"]["Budget"][];
        };
        /**
         * @description Passes when the output holds the values
         * @example {
         *       "type": "contains",
         *       "values": [
         *         "Paris",
         *         "France"
         *       ],
         *       "match": "any"
         *     }
         */
        ContainsScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Compare case-insensitively */
            ignore_case?: boolean;
            /**
             * @description Whether every value (default) or any one must appear
             * @enum {string}
             */
            match?: "all" | "any";
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contains";
            /** @description One value to look for; without `value` or `values`, the expected output */
            value?: string;
            /** @description Several values to look for */
            values?: string[];
        };
        CreateAlertRule: {
            /** @description At most one alert per this long; default the window */
            cooldown_minutes?: number;
            enabled?: boolean;
            /** @enum {string} */
            metric: "failure_rate" | "p95_latency_ms";
            /** @description Finished executions the window needs before the rule judges it; default 10 */
            min_executions?: number;
            name: string;
            scope: components["schemas"]["AlertScope"];
            /** @description A fraction 0–1 for failure_rate; milliseconds for p95_latency_ms. Fires when exceeded. */
            threshold: number;
            window_minutes: number;
        };
        CreateApiKey: {
            /** @example ci */
            name: string;
            /**
             * @description `admin` includes `write`, which includes `read`
             * @example [
             *       "read",
             *       "write"
             *     ]
             */
            scopes: ("read" | "write" | "admin")[];
        };
        CreateBudget: {
            amount: number;
            /** @description Refuse new submissions in scope (429 budget_exceeded) once 100 % is spent */
            hard_limit?: boolean;
            /**
             * @description `usd` (cost) or `tokens` (prompt + completion)
             * @enum {string}
             */
            metric: "usd" | "tokens";
            name: string;
            /**
             * @description UTC day or UTC calendar month
             * @enum {string}
             */
            period: "day" | "month";
            scope: components["schemas"]["AlertScope"];
            /**
             * @description Percent of `amount`; each fires one alert per period. Default [50, 80, 100].
             * @example [
             *       50,
             *       80,
             *       100
             *     ]
             */
            thresholds?: number[];
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The key itself; shown only in this response, store it now */
            key: string;
        };
        CreateDataset: {
            description?: string;
            name: string;
            /**
             * @description A template `name` (the dataset follows the version the name resolves to), or `name@N` or a version id (pinned to that version)
             * @example support-reply
             */
            template?: string | null;
        };
        CreatedWebhook: components["schemas"]["Webhook"] & {
            /** @description The signing secret; shown only in this response, store it now */
            secret: string;
        };
        CreateTemplate: {
            /**
             * @description A short slug (lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters); shared by every version of the name. Suggested: chat, auto_issue, feedback_issue, documentation, readme_update, sub_issue, generation, evaluation, other
             * @example chat
             */
            category?: string;
            /** @description Shared by every version of the name */
            description?: string;
            /** @description Object sets the schema; null removes it */
            input_schema?: {
                [key: string]: unknown;
            } | null;
            is_active?: boolean;
            max_tokens?: number | null;
            max_validation_retries?: number;
            model?: string;
            /** @example Support Reply */
            name: string;
            /** @description Object sets the schema; null removes it */
            output_schema?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description openai, xai, auto, mock or a configured custom provider
             * @example auto
             */
            provider?: string;
            system_prompt?: string;
            /** @description Free tags (short slugs, at most 20, duplicates dropped); shared by every version of the name */
            tags?: string[];
            temperature?: number;
            user_prompt_template: string;
        };
        CreateWebhook: {
            description?: string;
            enabled?: boolean;
            /** @example https://hooks.example.com/promptops */
            url: string;
        };
        Dataset: {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            description: string;
            entry_count: number;
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description The tied template: a `name` (runs follow the version the name resolves to) or `name@N` (pinned); null when untied
             * @example Greeter
             */
            template: string | null;
            /**
             * Format: uuid
             * @description `template` resolved now; null when untied or when nothing answers to it
             */
            template_id: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updated_at: string;
        };
        DatasetDeleteResult: {
            /**
             * @description `hard`: never evaluated, gone with its entries; `soft`: it has runs, so it is hidden while its runs and results stay readable
             * @enum {string}
             */
            deleted: "soft" | "hard";
            /** Format: uuid */
            id: string;
        };
        DatasetDetail: components["schemas"]["Dataset"] & {
            /** @description How many entries carry each tag */
            tags: {
                [key: string]: number;
            };
        };
        DatasetEntry: {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            /** Format: uuid */
            dataset_id: string;
            expected_output?: unknown;
            /** Format: uuid */
            id: string;
            input_data: {
                [key: string]: unknown;
            };
            tags: string[];
        };
        DatasetEntryInput: {
            /** @description Any JSON: a string for text answers, an object for structured ones */
            expected_output?: unknown;
            /** @description Context the template is rendered with */
            input_data: {
                [key: string]: unknown;
            };
            tags?: string[];
        };
        DatasetEntryPage: {
            items: components["schemas"]["DatasetEntry"][];
            limit: number;
            offset: number;
            total: number;
        };
        DatasetEntryUpdate: {
            /** @description Any JSON: a string for text answers, an object for structured ones */
            expected_output?: unknown;
            /** @description Context the template is rendered with */
            input_data?: {
                [key: string]: unknown;
            };
            tags?: string[];
        };
        DatasetImportResult: {
            imported: number;
            skipped: number;
        };
        DatasetPage: {
            items: components["schemas"]["Dataset"][];
            limit: number;
            offset: number;
            total: number;
        };
        Deleted: {
            /** @enum {boolean} */
            deleted: true;
            /** Format: uuid */
            id: string;
        };
        DuplicateTemplate: {
            /**
             * @description A short slug (lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters); shared by every version of the name. Suggested: chat, auto_issue, feedback_issue, documentation, readme_update, sub_issue, generation, evaluation, other
             * @example chat
             */
            category?: string;
            /** @description Shared by every version of the name */
            description?: string;
            /** @description Object sets the schema; null removes it */
            input_schema?: {
                [key: string]: unknown;
            } | null;
            is_active?: boolean;
            max_tokens?: number | null;
            max_validation_retries?: number;
            model?: string;
            /** @example Support Reply */
            name: string;
            /** @description Object sets the schema; null removes it */
            output_schema?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description openai, xai, auto, mock or a configured custom provider
             * @example auto
             */
            provider?: string;
            system_prompt?: string;
            /** @description Free tags (short slugs, at most 20, duplicates dropped); shared by every version of the name */
            tags?: string[];
            temperature?: number;
            user_prompt_template?: string;
        };
        Error: {
            error: {
                details?: unknown;
                message: string;
                /** @example not_found */
                type: string;
            };
        };
        /**
         * @description Passes when the output equals the expected output
         * @example {
         *       "type": "exact_match",
         *       "ignore_case": true
         *     }
         */
        ExactMatchScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Compare case-insensitively */
            ignore_case?: boolean;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /** @description Collapse runs of whitespace and trim before comparing */
            normalize_whitespace?: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "exact_match";
        };
        Execution: {
            attempt_log: unknown[];
            attempts: number;
            completion_tokens: number;
            cost_usd: number | null;
            dataset_entry_id: string | null;
            error_message: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            executed_at: string;
            execution_time_ms: number | null;
            /** @enum {string|null} */
            failure_kind: "render" | "validation" | "provider" | "timeout" | "cancelled" | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            finished_at: string | null;
            generated_template_id: string | null;
            /** Format: uuid */
            id: string;
            input_context: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            kind: "template" | "raw" | "generation";
            max_tokens: number | null;
            model: string;
            output_schema: {
                [key: string]: unknown;
            } | null;
            parsed_output?: unknown;
            prompt_tokens: number;
            provider: string;
            rendered_system_prompt: string | null;
            rendered_user_prompt: string | null;
            repetition: number;
            request_id: string | null;
            response_text: string | null;
            run_id: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            temperature: number | null;
            template_id: string | null;
            /** @description Same as total_tokens; the name the original system used */
            tokens_used: number;
            total_tokens: number;
        };
        ExecutionAccepted: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
        };
        ExecutionPage: {
            items: components["schemas"]["Execution"][];
            limit: number;
            offset: number;
            total: number;
        };
        GenerateTemplate: {
            /**
             * @description A short slug (lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters); shared by every version of the name. Suggested: chat, auto_issue, feedback_issue, documentation, readme_update, sub_issue, generation, evaluation, other
             * @example chat
             */
            category?: string;
            /**
             * @description What the new prompt should do
             * @example Summarise a support ticket into a title, severity and next steps
             */
            description: string;
            /** @description Example input or background the prompt will receive */
            input_context?: string;
            max_tokens?: number;
            model?: string;
            /** @description Name for the draft template (made unique if taken) */
            name?: string;
            /** @description openai, xai, auto, mock, or a configured custom provider */
            provider?: string;
            temperature?: number;
        };
        /**
         * @description Passes when the output equals the expected output as JSON, key order ignored
         * @example {
         *       "type": "json_equal"
         *     }
         */
        JsonEqualScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "json_equal";
        };
        /**
         * @description Passes when every dotted path of the output holds its value
         * @example {
         *       "type": "json_field_match",
         *       "fields": {
         *         "severity": "high"
         *       }
         *     }
         */
        JsonFieldMatchScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /**
             * @description Dotted path → expected value
             * @example {
             *       "answer.city": "Paris"
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "json_field_match";
        };
        /**
         * @description Passes when the output is valid against the schema
         * @example {
         *       "type": "json_schema",
         *       "schema": {
         *         "type": "object",
         *         "required": [
         *           "answer"
         *         ]
         *       }
         *     }
         */
        JsonSchemaScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /** @description A JSON Schema (draft 2020-12) the output must satisfy */
            schema: {
                [key: string]: unknown;
            };
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "json_schema";
        };
        Liveness: {
            /** @enum {string} */
            status: "ok";
        };
        /**
         * @description Passes when a judge model scores the output against the rubric at or above the threshold
         * @example {
         *       "type": "llm_judge",
         *       "rubric": "Polite and correct?"
         *     }
         */
        LlmJudgeScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description The judge's model; default the judge template's */
            model?: string;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /** @description The judge's provider; default the judge template's */
            provider?: string;
            /** @description What a good output is, for the judge model */
            rubric: string;
            /** @description Judge template: id, `name` or `name@N` (default the built-in LLM Judge); a run stores the exact version id it resolved to */
            template?: string;
            /** @description Passes at or above this score (default 0.5) */
            threshold?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "llm_judge";
        };
        /** @description No API key exists yet and the client is on this machine: every scope */
        LocalPrincipal: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "local";
            scopes: ("read" | "write" | "admin")[];
        };
        NewTemplateVersion: {
            /**
             * @description A short slug (lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters); shared by every version of the name. Suggested: chat, auto_issue, feedback_issue, documentation, readme_update, sub_issue, generation, evaluation, other
             * @example chat
             */
            category?: string;
            /** @description Shared by every version of the name */
            description?: string;
            /** @description Object sets the schema; null removes it */
            input_schema?: {
                [key: string]: unknown;
            } | null;
            is_active?: boolean;
            max_tokens?: number | null;
            max_validation_retries?: number;
            model?: string;
            /** @description Object sets the schema; null removes it */
            output_schema?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description openai, xai, auto, mock or a configured custom provider
             * @example auto
             */
            provider?: string;
            system_prompt?: string;
            /** @description Free tags (short slugs, at most 20, duplicates dropped); shared by every version of the name */
            tags?: string[];
            temperature?: number;
            user_prompt_template?: string;
        };
        /**
         * @description Passes when the output holds none of the values
         * @example {
         *       "type": "not_contains",
         *       "value": "sorry"
         *     }
         */
        NotContainsScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Compare case-insensitively */
            ignore_case?: boolean;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "not_contains";
            /** @description One value that must not appear; without `value` or `values`, the expected output */
            value?: string;
            /** @description Several values none of which may appear */
            values?: string[];
        };
        /**
         * @description Passes when the output is a number within the tolerance of the expected one
         * @example {
         *       "type": "numeric",
         *       "tolerance": 0.01,
         *       "relative": true
         *     }
         */
        NumericScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /** @description Tolerance as a fraction of the expected value */
            relative?: boolean;
            /** @description Largest accepted |output − expected| */
            tolerance: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "numeric";
        };
        PromptSchema: {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description A JSON Schema (draft 2020-12) object */
            schema_json: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            schema_type: "input" | "output";
            /** Format: uuid */
            template_id: string;
        };
        /** @description The new template version the change created, and its schema (null after a removal) */
        PromptSchemaChange: {
            schema: components["schemas"]["PromptSchema"] & (Record<string, never> | null);
            template: components["schemas"]["Template"];
        };
        PromptSchemaList: {
            items: components["schemas"]["PromptSchema"][];
        };
        PromptSchemaValid: {
            /** @enum {boolean} */
            valid: true;
        };
        ProviderCatalog: {
            /**
             * @description The provider `auto` stands for here
             * @example mock
             */
            auto: string;
            items: {
                /** @description Used when a template or request names no model; empty when unknown */
                default_model: string;
                /** @example openai */
                name: string;
                /** @description Whether structured output is requested with a JSON Schema */
                supports_json_schema: boolean;
            }[];
        };
        Readiness: {
            /**
             * @example {
             *       "database": {
             *         "ok": true
             *       },
             *       "redis": {
             *         "ok": true
             *       }
             *     }
             */
            checks: {
                [key: string]: {
                    error?: string;
                    ok: boolean;
                };
            };
            /** @enum {string} */
            status: "ready" | "not_ready";
        };
        /**
         * @description Passes when the output matches the pattern
         * @example {
         *       "type": "regex",
         *       "pattern": "^\\d+$"
         *     }
         */
        RegexScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /**
             * @description `i`, `m`, `s` and `u`, each at most once
             * @example i
             */
            flags?: string;
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /**
             * @description RE2 syntax: linear time whatever the pattern, so no backreferences or lookaround
             * @example ^\d{4}-\d{2}-\d{2}$
             */
            pattern: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "regex";
        };
        RenderedPrompts: {
            system_prompt: string;
            user_prompt: string;
        };
        RenderTemplate: {
            /** @default {} */
            context: {
                [key: string]: unknown;
            };
        };
        ReplacePromptSchema: {
            name?: string;
            /** @description A JSON Schema (draft 2020-12) object */
            schema_json: {
                [key: string]: unknown;
            };
        };
        RerunFailed: {
            /**
             * @description Items to re-run beyond those whose execution failed (the default): `not_passed` adds items that were scored but did not pass (a scorer that could not score them, such as a judge that failed to answer, included); `cancelled` adds items cancelled with their run
             * @example [
             *       "not_passed"
             *     ]
             */
            include?: ("not_passed" | "cancelled")[];
        };
        RollbackTemplate: {
            /** @description Version number to make the resolved one */
            version: number;
        };
        Run: {
            concurrency: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            dataset_id: string;
            error_message: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            finished_at: string | null;
            /** Format: uuid */
            id: string;
            model: string;
            parent_run_id: string | null;
            progress: {
                cancelled: number;
                /** @description Finished items: scored plus failed */
                done: number;
                failed: number;
                pending: number;
                /** @description Items a worker holds: executing, or claimed ahead to start the moment a slot frees */
                running: number;
                scored: number;
                total: number;
            };
            provider: string;
            repetitions: number;
            request_id: string | null;
            scorers: components["schemas"]["ScorerConfig"][];
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed" | "cancelled";
            summary: components["schemas"]["RunSummary"];
            /** @enum {string|null} */
            tag_match: "any" | "all" | null;
            tags: string[] | null;
            template_id: string;
            template_ref: string;
        };
        RunComparison: {
            alpha: number;
            base: {
                mean_score: number | null;
                pass_rate: number | null;
            };
            base_run_id: string;
            /** @description Seeded paired bootstrap interval of the mean score difference (candidate − base) */
            bootstrap: {
                confidence: number;
                lower: number;
                mean_difference: number;
                resamples: number;
                seed: number;
                upper: number;
            };
            candidate: {
                mean_score: number | null;
                pass_rate: number | null;
            };
            candidate_run_id: string;
            counts: {
                improved: number;
                regressed: number;
                unchanged: number;
            };
            dataset_id: string;
            deltas: {
                cost_usd: number | null;
                latency_p50_ms: number | null;
                mean_score: number | null;
                pass_rate: number | null;
                scorers: {
                    [key: string]: number;
                };
            };
            entries: {
                base: {
                    passed: boolean;
                    score: number;
                };
                candidate: {
                    passed: boolean;
                    score: number;
                };
                /** @enum {string} */
                change: "improved" | "regressed" | "unchanged";
                dataset_entry_id: string;
                repetition: number;
            }[];
            /** @description Exact McNemar test on paired pass/fail (b: base only, c: candidate only) */
            mcnemar: {
                b: number;
                c: number;
                p_value: number;
            };
            /** @description (entry, repetition) items finished in both runs */
            pairs: number;
            /** @enum {string} */
            verdict: "better" | "worse" | "no_significant_difference";
        };
        RunPage: {
            items: components["schemas"]["Run"][];
            limit: number;
            offset: number;
            total: number;
        };
        RunResult: {
            cost_usd: number | null;
            dataset_entry_id: string;
            error_message: string | null;
            execution_id: string | null;
            expected_output?: unknown;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            finished_at: string | null;
            /** Format: uuid */
            id: string;
            input: {
                [key: string]: unknown;
            };
            latency_ms: number | null;
            output?: unknown;
            passed: boolean | null;
            repetition: number;
            score: number | null;
            scores: {
                passed: boolean;
                reason: string;
                score: number;
                scorer: string;
                type: string;
            }[];
            /** @enum {string} */
            status: "pending" | "running" | "scored" | "failed" | "cancelled";
            total_tokens: number;
        };
        RunResultPage: {
            items: components["schemas"]["RunResult"][];
            limit: number;
            offset: number;
            total: number;
        };
        /** @description Live while the run is going, final once it is terminal */
        RunSummary: {
            cost_usd: number | null;
            failed: number;
            finished: number;
            latency_ms: {
                mean: number | null;
                p50: number | null;
                p95: number | null;
            };
            mean_score: number | null;
            pass_rate: number | null;
            passed: number;
            scored: number;
            scorers: {
                [key: string]: {
                    mean_score: number;
                    pass_rate: number;
                };
            };
            tokens: {
                mean: number | null;
                total: number;
            };
        };
        /**
         * @description A scorer and its options, by `type`; each gives a score in [0, 1], pass/fail and a reason. `name` labels it in results (required when a type appears twice); `field` scores a dotted path of the output
         * @example {
         *       "type": "exact_match",
         *       "ignore_case": true,
         *       "normalize_whitespace": true
         *     }
         */
        ScorerConfig: components["schemas"]["ExactMatchScorer"] | components["schemas"]["ContainsScorer"] | components["schemas"]["NotContainsScorer"] | components["schemas"]["RegexScorer"] | components["schemas"]["JsonEqualScorer"] | components["schemas"]["JsonSchemaScorer"] | components["schemas"]["JsonFieldMatchScorer"] | components["schemas"]["NumericScorer"] | components["schemas"]["SimilarityScorer"] | components["schemas"]["LlmJudgeScorer"];
        Session: {
            principal: components["schemas"]["ApiKeyPrincipal"] | components["schemas"]["LocalPrincipal"];
        };
        SignedIn: {
            principal: components["schemas"]["ApiKeyPrincipal"];
        };
        SignIn: {
            /**
             * @description An API key; exchanged for a session cookie, never stored
             * @example po_0b5f1c7e…
             */
            key: string;
        };
        /**
         * @description Passes when the text similarity reaches the threshold
         * @example {
         *       "type": "similarity",
         *       "metric": "token_f1",
         *       "threshold": 0.5
         *     }
         */
        SimilarityScorer: {
            /** @description Dotted path (`answer`, `items.0.title`) scored inside the output, and inside the expected output when that is an object */
            field?: string;
            /** @description Compare case-insensitively */
            ignore_case?: boolean;
            /** @enum {string} */
            metric: "levenshtein" | "token_f1";
            /** @description Label in results and summaries; default the type. Required when a type appears twice in a run */
            name?: string;
            /** @description Passes at or above this score (default 0.8) */
            threshold?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "similarity";
        };
        SubmitExecution: {
            /** @description Variables for the template; checked against its input schema */
            context?: {
                [key: string]: unknown;
            };
            max_tokens?: number;
            /** @description Raw mode: extra attempts after invalid output */
            max_validation_retries?: number;
            model?: string;
            /** @description Raw mode: JSON Schema the answer must satisfy */
            output_schema?: {
                [key: string]: unknown;
            };
            /** @description openai, xai, auto, mock, or a configured custom provider */
            provider?: string;
            /** @description Raw mode: system prompt used as is */
            system_prompt?: string;
            temperature?: number;
            /**
             * @description `name` (highest active version) or `name@N`
             * @example Chat Assistant
             */
            template?: string;
            /**
             * Format: uuid
             * @description Exact template version id
             */
            template_id?: string;
            /** @description Raw mode: user prompt used as is */
            user_prompt?: string;
        };
        SubmitRun: {
            /** @description Executions in flight at once (default 10) */
            concurrency?: number;
            model?: string;
            /** @description openai, xai, auto, mock, or a configured custom provider */
            provider?: string;
            /** @description Times each entry is executed (default 1) */
            repetitions?: number;
            scorers: components["schemas"]["ScorerConfig"][];
            /**
             * @description Entries with any (default) or all of `tags`
             * @enum {string}
             */
            tag_match?: "any" | "all";
            /** @description Only entries with these tags */
            tags?: string[];
            /**
             * @description Template id, `name` (highest active version) or `name@N`; default: the dataset's template, resolved now
             * @example Chat Assistant@1
             */
            template?: string;
        };
        Template: {
            /**
             * @description The name's category (shared by every version)
             * @example chat
             */
            category: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            /** @description The name's description (shared by every version) */
            description: string;
            /** Format: uuid */
            id: string;
            /** @description A JSON Schema (draft 2020-12) object */
            input_schema: {
                [key: string]: unknown;
            } | null;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            last_used_at: string | null;
            max_tokens: number | null;
            max_validation_retries: number;
            model: string;
            name: string;
            /** @description A JSON Schema (draft 2020-12) object */
            output_schema: {
                [key: string]: unknown;
            } | null;
            parent_version: number | null;
            provider: string;
            /** @description Whether this is the version its name resolves to */
            resolved: boolean;
            /** Format: uuid */
            source_template_id: string | null;
            system_prompt: string;
            /** @description The name's tags (shared by every version) */
            tags: string[];
            temperature: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updated_at: string;
            usage_count: number;
            user_prompt_template: string;
            version_number: number;
        };
        TemplateDeleteResult: {
            /**
             * @description `soft` when any deleted version was kept (hidden) for the history of its executions or runs
             * @enum {string}
             */
            deleted: "soft" | "hard";
            name: string;
            /** @description The version the name resolves to now; null when none does */
            resolves_to: {
                /** Format: uuid */
                id: string;
                version_number: number;
            } | null;
            /** @description Each version deleted: `hard` when it never ran and is gone; `soft` when it ran, so it is hidden but kept */
            versions: {
                /** @enum {string} */
                deleted: "soft" | "hard";
                /** Format: uuid */
                id: string;
                version_number: number;
            }[];
        };
        TemplateDiff: {
            changed_fields: {
                field: string;
                new?: unknown;
                old?: unknown;
            }[];
            from: {
                /** Format: uuid */
                id: string;
                name: string;
                version_number: number;
            };
            prompts: {
                system_prompt: {
                    changed: boolean;
                    hunks: {
                        lines: string[];
                        new_lines: number;
                        new_start: number;
                        old_lines: number;
                        old_start: number;
                    }[];
                    /** @description Unified diff */
                    patch: string;
                };
                user_prompt_template: {
                    changed: boolean;
                    hunks: {
                        lines: string[];
                        new_lines: number;
                        new_start: number;
                        old_lines: number;
                        old_start: number;
                    }[];
                    /** @description Unified diff */
                    patch: string;
                };
            };
            schemas: {
                input_schema: {
                    changed: boolean;
                    /** @description A JSON Schema (draft 2020-12) object */
                    new: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON Schema (draft 2020-12) object */
                    old: {
                        [key: string]: unknown;
                    } | null;
                };
                output_schema: {
                    changed: boolean;
                    /** @description A JSON Schema (draft 2020-12) object */
                    new: {
                        [key: string]: unknown;
                    } | null;
                    /** @description A JSON Schema (draft 2020-12) object */
                    old: {
                        [key: string]: unknown;
                    } | null;
                };
            };
            to: {
                /** Format: uuid */
                id: string;
                name: string;
                version_number: number;
            };
        };
        TemplateDraftPreview: components["schemas"]["RenderedPrompts"] & {
            /** @description A JSON Schema (draft 2020-12) object */
            suggested_input_schema: {
                [key: string]: unknown;
            };
            variables: {
                optional: boolean;
                path: string;
                /** @example string */
                type_hint: string;
            }[];
        };
        TemplateDraftPreviewRequest: {
            /**
             * @description Variables to render with; default {}
             * @default {}
             */
            context: {
                [key: string]: unknown;
            };
            /** @description Unsaved input schema; when an object, it must be valid and the context must satisfy it */
            input_schema?: {
                [key: string]: unknown;
            } | null;
            /** @description Unsaved system prompt (Jinja2); default empty */
            system_prompt?: string;
            /**
             * @description Unsaved user prompt template (Jinja2)
             * @example Hello {{ user.name }}
             */
            user_prompt_template: string;
        };
        /** @description Categories and tags of the template names that have a visible version, most used first */
        TemplateFacets: {
            categories: {
                /** @description Template names carrying it */
                count: number;
                name: string;
            }[];
            /** @description Categories editors offer first; any slug is accepted */
            suggested_categories: string[];
            tags: {
                /** @description Template names carrying it */
                count: number;
                name: string;
            }[];
        };
        TemplateListItem: components["schemas"]["Template"] & {
            stats?: components["schemas"]["TemplateStats"];
            /** @description With per_name: visible versions of the name */
            version_count?: number;
        };
        TemplatePage: {
            items: components["schemas"]["TemplateListItem"][];
            limit: number;
            offset: number;
            total: number;
        };
        /** @description With include_stats */
        TemplateStats: {
            /** @description Executions submitted in the last 24 hours, in any state */
            executions_24h: number;
            failed_24h: number;
            succeeded_24h: number;
            /**
             * @description succeeded / (succeeded + failed); null when none of them finished
             * @example 0.95
             */
            success_rate_24h: number | null;
        };
        TemplateVariables: {
            /** @description A JSON Schema (draft 2020-12) object */
            suggested_input_schema: {
                [key: string]: unknown;
            };
            variables: {
                optional: boolean;
                path: string;
                /** @example string */
                type_hint: string;
            }[];
        };
        TemplateVersionList: {
            items: components["schemas"]["Template"][];
        };
        UpdateAlertRule: {
            /** @description At most one alert per this long; default the window */
            cooldown_minutes?: number;
            enabled?: boolean;
            /** @enum {string} */
            metric?: "failure_rate" | "p95_latency_ms";
            /** @description Finished executions the window needs before the rule judges it; default 10 */
            min_executions?: number;
            name?: string;
            scope?: components["schemas"]["AlertScope"];
            /** @description A fraction 0–1 for failure_rate; milliseconds for p95_latency_ms. Fires when exceeded. */
            threshold?: number;
            window_minutes?: number;
        };
        UpdateBudget: {
            amount?: number;
            /** @description Refuse new submissions in scope (429 budget_exceeded) once 100 % is spent */
            hard_limit?: boolean;
            /**
             * @description `usd` (cost) or `tokens` (prompt + completion)
             * @enum {string}
             */
            metric?: "usd" | "tokens";
            name?: string;
            /**
             * @description UTC day or UTC calendar month
             * @enum {string}
             */
            period?: "day" | "month";
            scope?: components["schemas"]["AlertScope"];
            /**
             * @description Percent of `amount`; each fires one alert per period. Default [50, 80, 100].
             * @example [
             *       50,
             *       80,
             *       100
             *     ]
             */
            thresholds?: number[];
        };
        UpdateDataset: {
            description?: string;
            name?: string;
            /**
             * @description A template `name` (the dataset follows the version the name resolves to), or `name@N` or a version id (pinned to that version)
             * @example support-reply
             */
            template?: string | null;
        };
        UpdateTemplate: {
            /**
             * @description A short slug (lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 40 characters); shared by every version of the name. Suggested: chat, auto_issue, feedback_issue, documentation, readme_update, sub_issue, generation, evaluation, other
             * @example chat
             */
            category?: string;
            /** @description Shared by every version of the name */
            description?: string;
            /** @description Immutable: 409 */
            input_schema?: unknown;
            /** @description Activates or deactivates the version the ref addresses */
            is_active?: boolean;
            /** @description Immutable: 409 */
            max_tokens?: unknown;
            /** @description Immutable: 409 */
            max_validation_retries?: unknown;
            /** @description Immutable: 409 */
            model?: unknown;
            /** @description Immutable: 409 */
            name?: unknown;
            /** @description Immutable: 409 */
            output_schema?: unknown;
            /** @description Immutable: 409 */
            provider?: unknown;
            /** @description Immutable: 409 */
            system_prompt?: unknown;
            /** @description Free tags (short slugs, at most 20, duplicates dropped); shared by every version of the name */
            tags?: string[];
            /** @description Immutable: 409 */
            temperature?: unknown;
            /** @description Immutable: 409 */
            user_prompt_template?: unknown;
        };
        UpdateWebhook: {
            description?: string;
            enabled?: boolean;
            /** @example https://hooks.example.com/promptops */
            url?: string;
        };
        ValidatePromptSchema: {
            schema_json?: unknown;
        };
        Webhook: {
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            description: string;
            enabled: boolean;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updated_at: string;
            url: string;
        };
        WebhookDelivery: {
            /** Format: uuid */
            alert_id: string | null;
            attempt: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            created_at: string;
            duration_ms: number;
            error: string | null;
            /** @enum {string} */
            event: "alert" | "test";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            outcome: "delivered" | "retrying" | "failed";
            /** @description The first 2 KB of the receiver's answer */
            response_excerpt: string | null;
            status_code: number | null;
            /** Format: uuid */
            webhook_id: string;
        };
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            limit: number;
            offset: number;
            total: number;
        };
        WebhookList: {
            items: components["schemas"]["Webhook"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
