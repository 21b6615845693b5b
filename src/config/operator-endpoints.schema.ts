import { z } from 'zod';

export const metricsSchema = z
  .object({
    port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .optional()
      .describe(
        'serve /metrics on this port only, on a listener of its own that is not published; without it /metrics is on the main port',
      ),
    host: z
      .string()
      .min(1)
      .default('0.0.0.0')
      .describe('address of the metrics listener (with port)'),
  })
  .strict()
  .prefault({})
  .describe('the Prometheus scrape endpoint, which needs no API key');

export const docsSchema = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe('Swagger UI at /docs and the OpenAPI document at /docs-json; false removes both'),
  })
  .strict()
  .prefault({})
  .describe('the API documentation the gateway serves');

export type MetricsConfig = z.infer<typeof metricsSchema>;
