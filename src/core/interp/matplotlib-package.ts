// matplotlib.pyplot's subplots as the grid of axes it returns, the rest of matplotlib unknown. Notebooks compare
// settings in a loop over that grid (`fig, axes = plt.subplots(1, 4)`; `for wd, ax in zip([0, .3, .6, 1.5], axes):
// model = Net(); train(model, weight_decay=wd)`): with the axes unknown, the loop's count was unknown and every name it
// binds (the network it builds) became unknown after it. Our own compact Python written from matplotlib's documented
// return value (matplotlib.org/stable/api/_as_gen/matplotlib.pyplot.subplots.html, matplotlib 3.8): `fig, ax` where
// ax is one Axes for a 1×1 grid under squeeze=True (the default), a 1-D array of nrows × ncols Axes when either is 1,
// else a 2-D array (nrows, ncols); squeeze=False always gives the 2-D array. Figures and Axes are opaque: whatever a
// script draws on them is unknown, as before.
const PYPLOT = `from _greenlight_unknown import unknown as _unknown


class _Drawn:
    # A Figure or an Axes: any attribute (plot, set_title, legend...) is unknown, as drawing is not modelled.
    def __init__(self, kind):
        self._kind = kind

    def __getattr__(self, name):
        return _unknown("matplotlib " + self._kind + "." + name + " is not modelled")


class _AxesArray:
    # numpy's object array of Axes that subplots returns: iterated, indexed (a[i], a[i, j]), flattened.
    def __init__(self, rows, shape):
        self._rows = rows
        self.shape = shape
        self.ndim = len(shape)
        self.size = shape[0] * (shape[1] if len(shape) > 1 else 1)

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        return iter(self._rows)

    def __getitem__(self, key):
        if isinstance(key, tuple):
            item = self._rows[key[0]]
            return item[key[1]] if len(key) > 1 else item
        return self._rows[key]

    def _all(self):
        if self.ndim == 1:
            return list(self._rows)
        out = []
        for row in self._rows:
            out.extend(list(row))
        return out

    @property
    def flat(self):
        return iter(self._all())

    def flatten(self):
        return _AxesArray(self._all(), (self.size,))

    def ravel(self):
        return self.flatten()


def _axes(n):
    return [_Drawn("Axes") for _ in range(n)]


def subplots(nrows=1, ncols=1, *args, squeeze=True, **kwargs):
    fig = _Drawn("Figure")
    if not isinstance(nrows, int) or not isinstance(ncols, int):
        return fig, _unknown("subplots of a grid whose size is not known")
    if squeeze and nrows == 1 and ncols == 1:
        return fig, _Drawn("Axes")
    if squeeze and (nrows == 1 or ncols == 1):
        return fig, _AxesArray(_axes(nrows * ncols), (nrows * ncols,))
    return fig, _AxesArray([_AxesArray(_axes(ncols), (ncols,)) for _ in range(nrows)], (nrows, ncols))
`;

/** matplotlib's modelled modules, by path: pyplot's subplots; every other name of the package is unknown. */
export const matplotlibPackage: [string, string][] = [
  ["matplotlib/__init__.py", ""],
  ["matplotlib/pyplot.py", PYPLOT],
];
