import { displayName, today } from '../env';
import { OdooException, userError } from '../errors';
import { F } from '../fields';
import { asOptionalString } from '../methods/args';
import { requireExisting } from '../methods/orm-methods';
import { create } from '../orm/mutate';
import type { Env, MethodDef, ModelSpec, Vals } from '../types';
import { resolveXmlId } from '../xmlids';

function modelId(env: Env, model: string): number | false {
  for (const row of env.store.table('ir.model').rows.values())
    if (row.model === model) return row.id;
  return false;
}

/** mail.message, mail.activity and mail.activity.type. */
export function mailModels(): ModelSpec[] {
  return [
    {
      name: 'mail.message',
      description: 'Message',
      order: 'id desc',
      recName: 'record_name',
      fields: {
        model: F.char('Related Document Model'),
        res_id: F.int('Related Document ID'),
        record_name: F.char('Message Record Name', {
          compute: (env, row) =>
            typeof row.model === 'string' &&
            typeof row.res_id === 'number' &&
            env.registry.get(row.model)
              ? displayName(env, row.model, row.res_id)
              : false,
        }),
        subject: F.char('Subject'),
        body: F.html('Contents', { default: () => '' }),
        message_type: F.sel(['email', 'comment', 'notification', 'user_notification'], 'Type', {
          required: true,
          default: () => 'comment',
        }),
        author_id: F.m2o('res.partner', 'Author'),
        date: F.datetime('Date', { default: (env) => env.now }),
      },
    },
    {
      name: 'mail.activity.type',
      description: 'Activity Type',
      order: 'sequence, id',
      fields: {
        name: F.char('Name', { required: true }),
        summary: F.char('Default Summary'),
        sequence: F.int('Sequence', { default: () => 10 }),
        delay_count: F.int('Schedule'),
        active: F.bool('Active', { default: () => true }),
      },
    },
    {
      name: 'mail.activity',
      description: 'Activity',
      order: 'date_deadline ASC, id ASC',
      recName: 'summary',
      fields: {
        res_model_id: F.m2o('ir.model', 'Document Model', { required: true }),
        res_model: F.char('Related Document Model'),
        res_id: F.int('Related Document ID', { required: true }),
        res_name: F.char('Document Name', {
          compute: (env, row) =>
            typeof row.res_model === 'string' &&
            typeof row.res_id === 'number' &&
            env.registry.get(row.res_model)
              ? displayName(env, row.res_model, row.res_id)
              : false,
        }),
        activity_type_id: F.m2o('mail.activity.type', 'Activity Type'),
        summary: F.char('Summary'),
        note: F.html('Note'),
        date_deadline: F.date('Due Date', { required: true, default: (env) => today(env) }),
        user_id: F.m2o('res.users', 'Assigned to', { default: (env) => env.uid }),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (typeof vals.res_model === 'string' && vals.res_model_id === undefined)
            vals.res_model_id = modelId(env, vals.res_model);
          if (typeof vals.res_model_id === 'number') {
            vals.res_model = env.store.table('ir.model').get(vals.res_model_id)?.model ?? false;
          }
        },
      },
    },
  ];
}

/** `message_post` and `activity_schedule` for models that inherit mail.thread / mail.activity.mixin. */
export function mailThreadMethods(model: string): Record<string, MethodDef> {
  return {
    message_post: {
      params: [],
      varKw: true,
      run: (env, ids, a) => {
        requireExisting(env, model, ids);
        if (ids.length !== 1)
          throw new OdooException('ValueError', `Expected singleton: ${model}(${ids.join(', ')})`);
        const author = env.store.table('res.users').get(env.uid)?.partner_id ?? false;
        return create({ ...env, su: true }, 'mail.message', [
          {
            model,
            res_id: ids[0],
            body: asOptionalString(a.body) ?? '',
            subject: asOptionalString(a.subject) ?? false,
            message_type: asOptionalString(a.message_type) ?? 'comment',
            author_id: typeof a.author_id === 'number' ? a.author_id : author,
          },
        ])[0];
      },
    },
    activity_schedule: {
      params: ['act_type_xmlid?', 'date_deadline?', 'summary?', 'note?'],
      varKw: true,
      run: (env, ids, a) => {
        requireExisting(env, model, ids);
        const xmlId = asOptionalString(a.act_type_xmlid);
        const type = xmlId ? resolveXmlId(env, xmlId) : undefined;
        if (xmlId && type === undefined) throw userError(`No activity type found for ${xmlId}`);
        const extra: Vals = {};
        for (const [key, value] of Object.entries(a)) {
          if (!['act_type_xmlid', 'date_deadline', 'summary', 'note'].includes(key))
            extra[key] = value;
        }
        const vals = ids.map((id) => ({
          res_model_id: modelId(env, model),
          res_id: id,
          date_deadline: a.date_deadline ?? today(env),
          summary: a.summary ?? false,
          note: a.note ?? false,
          ...(type !== undefined ? { activity_type_id: type.id } : {}),
          ...extra,
        }));
        return create(env, 'mail.activity', vals);
      },
    },
  };
}
