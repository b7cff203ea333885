// What the start form asks around starting a process: its configuration (public), the signed-in user and the
// address book.
import { Hono } from 'hono';
import type { AddressBookEntry, BlockGroups, CurrentUser, StartFormConfig } from '@secure-signature/shared';
import { listGroupNames } from '../../domain/signature-block/list-group-names';
import { listAddressBook } from '../../domain/address-book/list-address-book';
import { requireActor } from '../../domain/context';
import { getStartFormConfig } from '../../domain/settings/get-start-form-config';
import { requireApiUser } from '../middleware/api-auth';
import type { AppEnv } from '../env';
import type { ReportTemplateOptions } from '@secure-signature/shared';
import { reportTemplateOptions } from '../../domain/report/report-template-options';

export const apiStartFormRoutes = new Hono<AppEnv>()
  .get('/start-form/config', async (c) => c.json<StartFormConfig>(await getStartFormConfig(c.var.ctx)))
  .get('/me', requireApiUser, (c) => {
    const { id, email, name, isAdmin } = requireActor(c.var.ctx);
    return c.json<CurrentUser>({ id, email, name, isAdmin });
  })
  .get('/start-form/report-templates', requireApiUser, async (c) => c.json<ReportTemplateOptions>(await reportTemplateOptions(c.var.ctx)))
  .get('/start-form/groups', requireApiUser, async (c) => c.json<BlockGroups>({ groups: await listGroupNames(c.var.ctx) }))
  .get('/address-book', requireApiUser, async (c) => c.json<{ entries: AddressBookEntry[] }>({ entries: await listAddressBook(c.var.ctx) }));
