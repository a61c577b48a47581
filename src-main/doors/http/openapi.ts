/** OpenAPI 3.1 document generated from the same zod schemas that validate requests. */
import { z } from 'zod';
import { FiscalDeviceConfig, PosTerminalConfig } from '../../domain/device-config.js';
import { FiscalOperation, PosOperation } from '../../domain/operations.js';
import { CasposOperation } from '../../domain/operations-caspos.js';
import { SettingsPatch } from '../../settings/schema.js';

function schema(s: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

const errorBody = {
  type: 'object',
  required: ['status', 'error'],
  properties: { status: { type: 'integer' }, error: { type: 'string' } },
};

const jsonResponse = (description: string, ref?: string) => ({
  description,
  content: { 'application/json': { schema: ref ? { $ref: ref } : { type: 'object' } } },
});

export function buildOpenApi(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FisCool native API',
      version,
      description: 'Fiscal registers and card terminals behind one durable job pipeline. See docs/api.md.',
    },
    // GET /openapi.json replaces this with the address the request reached (routes/system.ts).
    servers: [{ url: 'http://127.0.0.1:10123' }],
    components: {
      schemas: {
        FiscalOperation: schema(FiscalOperation),
        CasposOperation: { description: 'Operations of a Caspos device (docs/devices/caspos.md)', ...schema(CasposOperation) },
        PosOperation: schema(PosOperation),
        FiscalDeviceConfig: schema(FiscalDeviceConfig),
        PosTerminalConfig: schema(PosTerminalConfig),
        SettingsPatch: schema(SettingsPatch),
        Error: errorBody,
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths: {
      '/': { get: { summary: 'Liveness text', responses: { '200': { description: 'FisCool API Server running.' } } } },
      '/devices/fiscal': { get: { summary: 'Fiscal devices with status', responses: { '200': jsonResponse('List') } } },
      '/devices/pos': { get: { summary: 'Card terminals with status', responses: { '200': jsonResponse('List') } } },
      '/devices/operation': {
        post: {
          summary: 'Run one operation on one device',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['device_id', 'operation'],
                  additionalProperties: false,
                  properties: {
                    device_id: { type: 'string' },
                    operation: {
                      oneOf: [
                        { $ref: '#/components/schemas/FiscalOperation' },
                        { $ref: '#/components/schemas/CasposOperation' },
                        { $ref: '#/components/schemas/PosOperation' },
                      ],
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': jsonResponse('status 0 = success; a negative status = the device refused or failed (see code)'),
            '400': jsonResponse('Invalid request (the error names the field)', '#/components/schemas/Error'),
            '404': jsonResponse('Unknown device', '#/components/schemas/Error'),
            '413': jsonResponse('Body too large', '#/components/schemas/Error'),
            '415': jsonResponse('Not JSON', '#/components/schemas/Error'),
            '422': jsonResponse('Idempotency-Key reused with a different body', '#/components/schemas/Error'),
          },
        },
      },
      '/jobs': { get: { summary: 'Recent jobs, newest first', responses: { '200': jsonResponse('Jobs') } } },
      '/jobs/{job_id}': { get: { summary: 'One job', responses: { '200': jsonResponse('Job'), '404': jsonResponse('Unknown job') } } },
      '/pos/pending-voids': { get: { summary: 'Card payments without a receipt, not reversed (the cashier\'s to-do)', responses: { '200': jsonResponse('Pending voids') } } },
      '/pos/pending-voids/{receipt_job_id}/retry': { post: { summary: 'Void a pending card payment again', responses: { '200': jsonResponse('Void started'), '404': jsonResponse('No such pending void'), '409': jsonResponse('Still being checked') } } },
      '/pos/pending-voids/{receipt_job_id}/resolve': { post: { summary: 'Mark a pending void settled by hand', responses: { '200': jsonResponse('Resolved'), '404': jsonResponse('No such pending void'), '409': jsonResponse('Still being checked') } } },
      '/manage/save_fiscal_device': {
        post: {
          summary: 'Create (no id) or update a fiscal device',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/FiscalDeviceConfig' } } } },
          responses: { '200': jsonResponse('Saved'), '400': jsonResponse('Invalid', '#/components/schemas/Error') },
        },
      },
      '/manage/delete_fiscal_device': { post: { summary: 'Delete {id}', responses: { '200': jsonResponse('Deleted') } } },
      '/manage/save_pos_terminal': {
        post: {
          summary: 'Create (no id) or update a card terminal',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/PosTerminalConfig' } } } },
          responses: { '200': jsonResponse('Saved'), '400': jsonResponse('Invalid', '#/components/schemas/Error') },
        },
      },
      '/manage/delete_pos_terminal': { post: { summary: 'Delete {id}', responses: { '200': jsonResponse('Deleted') } } },
      '/manage/get_supported_devices': { get: { summary: 'Manufacturers, models, connections', responses: { '200': jsonResponse('Catalogue') } } },
      '/manage/settings': { get: { summary: 'Settings (token redacted)', responses: { '200': jsonResponse('Settings') } } },
      '/manage/save_settings': {
        post: {
          summary: 'Change settings',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/SettingsPatch' } } } },
          responses: { '200': jsonResponse('Saved'), '400': jsonResponse('Invalid', '#/components/schemas/Error') },
        },
      },
      '/manage/detect': {
        post: {
          summary: 'Probe serial ports for registers, and shop-network addresses for Caspos devices (an effect: POST only; GET answers 405)',
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    ports: { type: 'array', maxItems: 64, items: { type: 'string', minLength: 1, maxLength: 200 } },
                    hosts: {
                      type: 'array',
                      minItems: 1,
                      maxItems: 16,
                      description: 'IPv4 addresses of the shop network (private, link-local, loopback), "address:port", or subnets /24–/32',
                      items: { type: 'string', examples: ['192.168.1.50', '192.168.1.50:5544', '192.168.1.0/24'] },
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': jsonResponse(
              'Found devices: { status: 0, devices: [{ family, manufacturer, port, baud_rate, protocol, model, serial }], network_devices (when hosts were given): [{ family, manufacturer, model, ip_address, port }] }',
            ),
            '400': jsonResponse('A port that is not a serial port, a host off the shop network, or an unknown field', '#/components/schemas/Error'),
          },
        },
      },
      '/health': {
        get: {
          summary: 'ok, or the problems (code, severity, what to do in RO/EN); devices, queues, inbox, journal, retention',
          responses: { '200': jsonResponse('Health') },
        },
      },
      '/support/bundle': {
        get: {
          summary: 'Support bundle: health, settings without secrets, journal summary, logs (.tar.gz)',
          responses: { '200': { description: 'application/gzip (attachment)' } },
        },
      },
      '/backup': {
        post: {
          summary: 'Back the data directory up (SQLite online backup) into <data dir>/backups/<time>/',
          responses: { '200': jsonResponse('{status: 0, dir, manifest}') },
        },
      },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'text/plain; version=0.0.4' } } } },
      '/ws': { get: { summary: 'WebSocket (upgrade): operations, lists, subscriptions, events', responses: { '101': { description: 'Switching protocols' } } } },
    },
  };
}
