import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import {
  attributesOf,
  errorDocument,
  formatOf,
  open311Status,
  parseW3,
  render,
  reporterName,
  scrub,
  shortVillageName,
  statesOf,
  statusOf,
  titleOf,
  w3,
} from './open311-format.ts';

const parse = (xml: string) => new XMLParser({ parseTagValue: false }).parse(xml);

describe('rendering', () => {
  test('a service list in XML uses <services><service> and starts with the XML declaration', () => {
    const xml = render(
      {
        root: 'services',
        body: [
          {
            service_code: 'C01-01',
            service_name: '井盖',
            metadata: true,
            type: 'realtime',
            group: '公用设施',
          },
          { service_code: 'C01-02', service_name: '路灯 <坏>', metadata: false, type: 'realtime', group: '' },
        ],
      },
      'xml',
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>')).toBe(true);
    expect(xml).toContain('<service_name>路灯 &lt;坏&gt;</service_name>');
    const doc = parse(xml);
    expect(doc.services.service).toHaveLength(2);
    expect(doc.services.service[0]).toMatchObject({
      service_code: 'C01-01',
      metadata: 'true',
      type: 'realtime',
    });
  });

  test('JSON is the XML without its root, arrays as arrays (Spark convention)', () => {
    const body = [{ service_request_id: 'JM1', token: 'JM1' }];
    expect(JSON.parse(render({ root: 'service_requests', body }, 'json'))).toEqual(body);
  });

  test('nested arrays get their item elements: attributes/attribute, values/value, endpoints/endpoint, formats/format', () => {
    const xml = render(
      {
        root: 'service_definition',
        body: {
          service_code: 'C01-01',
          attributes: [
            {
              code: 'urgent',
              values: [
                { key: 'yes', name: '是' },
                { key: 'no', name: '否' },
              ],
            },
          ],
        },
      },
      'xml',
    );
    const doc = parse(xml);
    expect(doc.service_definition.attributes.attribute.values.value).toEqual([
      { key: 'yes', name: '是' },
      { key: 'no', name: '否' },
    ]);
    const discovery = parse(
      render(
        { root: 'discovery', body: { endpoints: [{ formats: ['text/xml', 'application/json'] }] } },
        'xml',
      ),
    );
    expect(discovery.discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  test('null becomes an empty element, undefined is left out, an empty list is an empty root', () => {
    const xml = render({ root: 'service_requests', body: [{ account_id: null, gone: undefined }] }, 'xml');
    expect(xml).toContain('<account_id></account_id>');
    expect(xml).not.toContain('gone');
    expect(render({ root: 'service_requests', body: [] }, 'xml')).toContain(
      '<service_requests></service_requests>',
    );
    expect(render({ root: 'service_requests', body: [] }, 'json')).toBe('[]');
  });

  test('errors: <errors><error><code/><description/></error></errors> and a JSON array', () => {
    const doc = errorDocument(404, ['未知的服务代码 / Unknown service_code: X']);
    expect(parse(render(doc, 'xml'))).toEqual({
      '?xml': '',
      errors: { error: { code: '404', description: '未知的服务代码 / Unknown service_code: X' } },
    });
    expect(JSON.parse(render(doc, 'json'))).toEqual([
      { code: 404, description: '未知的服务代码 / Unknown service_code: X' },
    ]);
  });
});

describe('formats and statuses', () => {
  test('the suffix decides; an unknown one falls back to Accept, else XML', () => {
    expect(formatOf('json', 'text/xml')).toBe('json');
    expect(formatOf('csv', 'application/json')).toBe('json');
    expect(formatOf('csv', undefined)).toBe('xml');
    expect(formatOf(undefined, 'text/html,application/xml')).toBe('xml');
  });

  test('HTTP statuses: 404 missing, 403 api_key, 400 for the rest (409, 422, 413 included)', () => {
    expect(open311Status(404)).toBe(404);
    expect(open311Status(401, 'API_KEY_REQUIRED')).toBe(403);
    expect(open311Status(401, 'API_KEY_INVALID')).toBe(403);
    expect(open311Status(422, 'COORDINATES_OUTSIDE_CHINA')).toBe(400);
    expect(open311Status(409, 'IDEMPOTENCY_CONFLICT')).toBe(400);
    expect(open311Status(413)).toBe(400);
    expect(open311Status(500)).toBe(500);
  });

  test('case states map to open and closed', () => {
    expect(statusOf('reported')).toBe('open');
    expect(statusOf('dispatched')).toBe('open');
    expect(statusOf('handled')).toBe('open');
    expect(statusOf('reopened')).toBe('open');
    expect(statusOf('rejected')).toBe('closed');
    expect(statusOf('closed')).toBe('closed');
    expect(statusOf('evaluated')).toBe('closed');
    expect([...statesOf('closed')].sort()).toEqual(['closed', 'evaluated', 'rejected']);
    expect(statesOf('open')).toHaveLength(9);
    expect(statesOf('open').every((s) => statusOf(s) === 'open')).toBe(true);
  });
});

describe('time', () => {
  test('w3 datetimes in China Standard Time', () => {
    expect(w3(new Date('2026-11-24T16:05:09.123Z'))).toBe('2026-11-25T00:05:09+08:00');
    expect(w3('2026-01-01T00:00:00Z')).toBe('2026-01-01T08:00:00+08:00');
    expect(w3(null)).toBeNull();
  });

  test('query dates: with a zone, Z, or none (read as +08:00); nonsense is null', () => {
    expect(parseW3('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3('2026-11-01T08:00:00+08:00')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseW3('2026-11-01T08:00:00-0500')?.toISOString()).toBe('2026-11-01T13:00:00.000Z');
    expect(parseW3('2026-11-01')?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(parseW3('2026-02-30')).toBeNull();
    expect(parseW3('yesterday')).toBeNull();
  });
});

describe('personal data and input', () => {
  test('scrub masks phones, ID numbers, e-mails and the reporter’s name', () => {
    const out = scrub(
      '陈大文反映：电话13812345678，座机0750-3456789，身份证440703199001011234，邮箱chen@example.com',
      ['陈大文'],
    );
    expect(out).toBe(
      '陈*文反映：电话138****5678，座机075*****6789，身份证440703********1234，邮箱c***@example.com',
    );
    expect(scrub('路灯不亮 3 天了，编号 JM20261124000001')).toBe('路灯不亮 3 天了，编号 JM20261124000001');
  });

  test('names: 家族名在前 for Chinese, given name first otherwise', () => {
    expect(reporterName('大文', '陈')).toBe('陈大文');
    expect(reporterName('John', 'Smith')).toBe('John Smith');
    expect(reporterName('', '')).toBeUndefined();
  });

  test('village names as addresses write them', () => {
    expect(shortVillageName('桥南社区居民委员会')).toBe('桥南社区');
    expect(shortVillageName('龙溪村民委员会')).toBe('龙溪村');
    expect(shortVillageName('江南街道')).toBe('江南街道');
  });

  test('a title from the first line of the description, else the service name', () => {
    expect(titleOf('  \n井盖缺失\n在路口', '井盖')).toBe('井盖缺失');
    expect(titleOf(undefined, '井盖')).toBe('井盖');
    expect(Array.from(titleOf('很'.repeat(60), '井盖'))).toHaveLength(40);
  });

  test('attributes from form keys attribute[code] and attribute[code][], or a JSON object', () => {
    const form = attributesOf({ 'attribute[urgent]': 'yes', 'attribute[tags][]': ['a', 'b'], other: 'x' });
    expect([...form]).toEqual([
      ['urgent', ['yes']],
      ['tags', ['a', 'b']],
    ]);
    expect([...attributesOf({ attribute: { urgent: 'no', title: '' } })]).toEqual([
      ['urgent', ['no']],
      ['title', []],
    ]);
  });
});
