/** A nominal type: a string that is known to be a particular kind of identifier. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type ProjectId = Brand<string, 'ProjectId'>;
export type UserId = Brand<string, 'UserId'>;
export type OrgId = Brand<string, 'OrgId'>;
export type ItemId = Brand<string, 'ItemId'>;
export type AssignmentId = Brand<string, 'AssignmentId'>;
