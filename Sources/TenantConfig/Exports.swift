/// The API's JSON values are part of the model's vocabulary: every module that imports TenantConfig sees them.
@_exported import APIJSON
