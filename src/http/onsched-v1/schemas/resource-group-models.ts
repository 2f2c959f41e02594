// v1 resource groups (OpenSlot has none: always an empty list).
// Written from OnSched's published v1 OpenAPI (setup); every property a view model declares is rendered (null when empty).
import { Type } from '@sinclair/typebox';
import { Bool, Int, Str, view } from './v1-types.js';

export const ResourceGroupViewModel = view('ResourceGroupViewModel', {
  bookingNotification: Int, deletedStatus: Bool, deletedTime: Str, description: Str, email: Str, id: Str, locationId: Str,
  name: Str, object: Str,
});

export const ResourceGroupListViewModel = view('ResourceGroupListViewModel', {
  count: Int, data: Type.Array(ResourceGroupViewModel), hasMore: Bool, object: Str, total: Int, url: Str,
});
