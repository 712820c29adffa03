// The scheduler's dashboard building blocks and network names, for other plugins' admin pages (the consent
// plugin's "consent work due" uses them): client code only, no Payload server half.
export { CountTiles, type CountTile, fetchJson } from '../admin/CountTiles'
export { whereQuery } from '../admin/whereQuery'
export { networkName } from '../admin/networkName'
