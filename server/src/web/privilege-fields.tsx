// The privilege checkboxes and the group choice, shared by the user editor, the add-user form and the group editor.
import { privilege, type GroupView, type Privilege } from '@secure-signature/shared';

export const privilegeLabels: Record<Privilege, string> = {
  start_processes: 'Start signature processes',
  statistics_own: 'Statistics of own processes',
  statistics_all: 'See all processes and their statistics',
};

export function PrivilegeFields(p: { checked: Privilege[]; legend: string }) {
  return (
    <fieldset class="signer-details">
      <legend>{p.legend}</legend>
      {privilege.options.map((x) => (
        <label>
          <input type="checkbox" name={`privilege.${x}`} checked={p.checked.includes(x)} /> {privilegeLabels[x]}
        </label>
      ))}
    </fieldset>
  );
}

export function GroupSelect(p: { groups: GroupView[]; selected: string | null }) {
  return (
    <>
      <label for="groupId">Group</label>
      <select id="groupId" name="groupId">
        <option value="">No group</option>
        {p.groups.map((g) => (
          <option value={g.id} selected={g.id === p.selected}>
            {g.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** The checked privileges of a posted form: one checkbox per privilege ("privilege.<name>"), since a form body is
 *  read once, without repeated names, before the route sees it. */
export const postedPrivileges = (form: Record<string, unknown>): Privilege[] => privilege.options.filter((x) => form[`privilege.${x}`] === 'on');
