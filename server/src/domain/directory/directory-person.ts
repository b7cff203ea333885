// What a directory says about one person, whatever the directory (LDAP, Active Directory, Entra ID): the sync
// compares these with the users table.
export type DirectorySource = 'ldap' | 'entra';

export interface DirectoryPerson {
  /** objectGUID, entryUUID or the Entra object id: stays the same when the person's name or email changes. */
  directoryId: string;
  email: string;
  name: string | null;
  username: string | null;
  phone: string | null;
  /** The directory disabled the account (userAccountControl, accountEnabled). */
  disabled: boolean;
  /** The mapped groups (their keys in the group mapping) the person belongs to, directly or through nesting. */
  groupKeys: string[];
  /** DER certificates from the directory's userCertificate: final documents to this person can be S/MIME-encrypted. */
  certificates?: Uint8Array[];
}

export interface DirectorySyncResult {
  created: number;
  updated: number;
  disabled: number;
  unchanged: number;
  errors: string[];
}
