// Schemas shared by many routes.
import { type TSchema, Type } from '@sinclair/typebox';

export const IdParams = Type.Object({
  id: Type.Integer({ minimum: 1, description: '记录编号 / record id' }),
});

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const ErrorSchema = Type.Object({
  code: Type.String(),
  message_zh: Type.String(),
  message_en: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

export function page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}
