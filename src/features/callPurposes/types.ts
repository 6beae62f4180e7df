/** A call purpose as the UI knows it: flat, with the signed-in user's rights on it. */
export type CallPurpose = {
  id: number;
  name: string;
  order: number | null;
  createdAt: string;
  updatedAt: string;
  creatorId: number | null;
  creatorName: string | null;
  canWrite: boolean;
  canDelete: boolean;
};

/** The attributes a form may send: `order` is left out on create so the server puts it last. */
export type CallPurposeInput = { name: string; order?: number };
