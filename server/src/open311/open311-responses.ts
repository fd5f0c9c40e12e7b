// Response schemas of the Open311 GeoReport v2 routes (open311.routes.ts): the JSON form of each
// document as the spec defines it (http://wiki.open311.org/GeoReport_v2) and exactly as the handlers
// send it — a schema lists every field sent, no more (the response check closes objects).
//
// XML: the same documents with the `.xml` suffix (text/xml, open311-format.ts render) are not described
// here and not checked. A route declares one schema per status (RouteSpec.response), with no second
// content type, and the response check sees only replies that are not yet text; the handlers send JSON
// as the document's object (checked) and XML as rendered text (unchecked). Both come from the same
// Document, so the XML has the JSON's fields (root and item elements added: open311-format.ts).
import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.ts';

/** The description of a route's 200: the JSON form here, and where the XML form is. */
const both = (zh: string, en: string) =>
  `${zh}：.json 为此 JSON；.xml 为同一文档的 XML（text/xml，未在此描述）/ ${en}: this JSON with .json; with .xml the same document as XML (text/xml, not described here)`;

const W3 = (description: string) =>
  Type.String({
    format: 'date-time',
    description: `${description}（w3 时间，北京时间）/ w3 datetime, +08:00`,
  });

export const getDiscovery = Type.Object(
  {
    changeset: Type.String({ description: '最近变更（可排序）/ sortable date of the last change' }),
    contact: Type.String(),
    key_service: Type.String({ description: '如何取得 api_key / how to obtain an api_key' }),
    endpoints: Type.Array(
      Type.Object({
        specification: Type.String({ description: 'http://wiki.open311.org/GeoReport_v2' }),
        url: Type.String({ description: '本端点的基础地址 / the endpoint’s base url' }),
        changeset: Type.String(),
        type: Type.Literal('production'),
        formats: Type.Array(Type.String({ description: 'text/xml, application/json' })),
      }),
    ),
  },
  { description: both('服务发现', 'Service discovery') },
);

/** Every service is a case sub-category; all take attributes (metadata) and are realtime. */
export const getServices = Type.Array(
  Type.Object({
    service_code: Type.String({ description: '案件小类代码 / case sub-category code' }),
    service_name: Type.String(),
    description: Type.String(),
    metadata: Type.Boolean({ description: '有属性定义 / has a service definition' }),
    type: Type.Literal('realtime'),
    keywords: Type.String({ description: '逗号分隔 / comma-separated' }),
    group: Type.String({ description: '案件大类 / the case class' }),
  }),
  { description: both('服务列表', 'The services') },
);

export const getServiceDefinition = Type.Object(
  {
    service_code: Type.String(),
    attributes: Type.Array(
      Type.Object({
        variable: Type.Boolean(),
        code: Type.String(),
        datatype: Type.Union([
          Type.Literal('string'),
          Type.Literal('number'),
          Type.Literal('datetime'),
          Type.Literal('text'),
          Type.Literal('singlevaluelist'),
          Type.Literal('multivaluelist'),
        ]),
        required: Type.Boolean(),
        datatype_description: Type.String(),
        order: Type.Integer({ minimum: 1 }),
        description: Type.String(),
        values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
      }),
    ),
  },
  { description: both('服务定义', 'The service definition') },
);

/** POST requests: a one-item list with the new (or, for a repeated external_id, the existing) request. */
export const postRequests = Type.Array(
  Type.Object({
    service_request_id: Type.String({ description: '案件编号 / case number' }),
    service_notice: Type.String({ description: '受理说明与时限 / acceptance and deadlines' }),
    account_id: Nullable(Type.String()),
  }),
  {
    minItems: 1,
    maxItems: 1,
    description: both(
      '新的（或同一 external_id 已有的）服务请求',
      'The new request (or the one of the same external_id)',
    ),
  },
);

/** A service request as the public sees it (no personal data: public-view.ts). */
const ServiceRequest = Type.Object({
  service_request_id: Type.String({ description: '案件编号 / case number' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  status_notes: Nullable(Type.String({ description: '最近的公开环节 / the latest public step' })),
  service_name: Type.String(),
  service_code: Nullable(Type.String()),
  description: Nullable(Type.String()),
  agency_responsible: Nullable(Type.String({ description: '主办部门 / the department in charge' })),
  service_notice: Type.Null(),
  requested_datetime: Nullable(W3('受理时间 / requested')),
  updated_datetime: Nullable(W3('最近更新 / last update')),
  expected_datetime: Nullable(W3('办结时限 / due')),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  long: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  media_url: Nullable(Type.String()),
});

/** GET requests: at most 1000, newest first. */
export const getRequests = Type.Array(ServiceRequest, {
  maxItems: 1000,
  description: both('服务请求', 'The service requests'),
});

/** GET one request: the spec's list of one. */
export const getRequest = Type.Array(ServiceRequest, {
  minItems: 1,
  maxItems: 1,
  description: both('该服务请求', 'The service request'),
});

/** GET a token: every service is realtime, a token is the service_request_id (open311-requests.ts). */
export const getToken = Type.Array(Type.Object({ service_request_id: Type.String(), token: Type.String() }), {
  minItems: 1,
  description: both('token 的服务请求编号', 'The token’s service_request_id'),
  maxItems: 1,
});
