// The scheduler's dashboard building blocks, for other plugins' admin panels (the consent
// plugin's "consent work due" uses them): client code only, no Payload server half.
export { CountTiles, type CountTile, fetchJson } from '../admin/CountTiles'
export { whereQuery } from '../admin/whereQuery'
