/** Where the app finds the generated data: the `data/` folder next to it. */
export const DATA_URL = `${import.meta.env.BASE_URL}data/`;
