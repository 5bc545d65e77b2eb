// pandas (pandas.pydata.org/docs/reference, pandas 2.2) as the size of its tables: tabular training scripts read a CSV
// the repository ships (`df = pd.read_csv('Housing.csv')`), pick columns (`df.iloc[:, 1:]`, `df.drop(columns=[...])`)
// and train on `torch.tensor(X.values)`, so the rows of that file are the run's samples. Only the shape is modelled:
// a DataFrame is its row count and column names, a Series its row count; `.values`/`.to_numpy()` give a numpy array of
// that shape (contents never known). Anything whose rows depend on the data (a boolean filter, dropna, a merge)
// gives an unknown, as does a file the workspace lacks.
const PANDAS = `import numpy as np
import _greenlight_unknown
import _greenlight_csv


def _unknown_rows(why):
    return _greenlight_unknown.unknown("rows of a table the analyzer cannot count: " + why)


def _slice_length(s, n):
    # The items s takes of n, as Python slices a sequence (negative bounds count from the end; clamped to 0..n).
    step = 1 if s.step is None else s.step
    if step < 1:
        return _unknown_rows("a slice that walks backwards")
    start = 0 if s.start is None else s.start
    stop = n if s.stop is None else s.stop
    start = max(0, min(n, start + n if start < 0 else start))
    stop = max(0, min(n, stop + n if stop < 0 else stop))
    return max(0, (stop - start + step - 1) // step)


def _taken(key, n):
    # How many of n items an index takes: a slice its range, a list its items; None for one item (an int or a name).
    if isinstance(key, slice):
        return _slice_length(key, n)
    if isinstance(key, (list, tuple)):
        return len(key)
    return None


def _relabelled(table, key=None):
    # A table of rows picked from another keeps their labels: a slice from the first row with step 1 keeps 0..k-1,
    # any other pick (a later start, a step, a list of positions, a sample) does not.
    if not (isinstance(key, slice) and (key.start is None or key.start == 0) and (key.step is None or key.step == 1)):
        table._plain_labels = False
    return table


class Series:
    # Whether the rows are labelled 0..n-1 (a table built from data or read from a file), which axis-1 concat needs.
    _plain_labels = True

    def __init__(self, data=None, index=None, name=None, dtype=None, _rows=None):
        if _rows is None:
            if isinstance(data, (list, tuple, dict)):
                _rows = len(data)
            elif hasattr(data, "shape") and len(data.shape) == 1:
                # A one-dimensional array or tensor: an item a row (pandas.Series, "data: array-like").
                _rows = data.shape[0]
            else:
                _rows = _unknown_rows("a Series built from data")
        self._rows = _rows
        self.name = name

    def __len__(self):
        return self._rows

    @property
    def shape(self):
        return (self._rows,)

    @property
    def values(self):
        return np.zeros((self._rows,))

    def to_numpy(self, dtype=None, copy=False, na_value=None):
        return self.values

    def tolist(self):
        return _greenlight_unknown.unknown("the values of a table's column")

    def _same(self, *args, **kwargs):
        return Series(_rows=self._rows, name=self.name)

    map = apply = astype = fillna = replace = copy = abs = round = clip = _same
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __pow__ = __neg__ = _same
    __gt__ = __ge__ = __lt__ = __le__ = __eq__ = __ne__ = __and__ = __or__ = __invert__ = _same

    def _figure(self, *args, **kwargs):
        return _greenlight_unknown.unknown("a figure computed from a table's values")

    mean = std = max = min = sum = median = var = _figure

    @property
    def iloc(self):
        return _SeriesRows(self)


class _SeriesRows:
    def __init__(self, series):
        self._series = series

    def __getitem__(self, key):
        taken = _taken(key, self._series._rows)
        return _relabelled(Series(_rows=taken, name=self._series.name), key) if taken is not None else self._series._figure()


class DataFrame:
    _plain_labels = True

    def __init__(self, data=None, index=None, columns=None, dtype=None, copy=None, _rows=None):
        if _rows is None:
            if isinstance(data, dict):
                names = list(data.keys())
                first = data[names[0]] if names else []
                if isinstance(first, (list, tuple)):
                    _rows = len(first)
                elif hasattr(first, "shape"):
                    _rows = first.shape[0]
                else:
                    _rows = _unknown_rows("a DataFrame built from data")
                columns = names if columns is None else columns
            elif isinstance(data, (list, tuple)):
                _rows = len(data)
            elif data is None:
                _rows = 0
            elif isinstance(data, DataFrame):
                _rows = data._rows
                columns = data._columns if columns is None else columns
            elif hasattr(data, "shape"):
                # An ndarray or tensor: a row per item of its first axis, columns 0..n-1 unless named (DataFrame docs).
                shape = data.shape
                _rows = shape[0]
                if columns is None and len(shape) == 2 and isinstance(shape[1], int):
                    columns = list(range(shape[1]))
            else:
                _rows = _unknown_rows("a DataFrame built from data")
        self._rows = _rows
        self._columns = list(columns) if columns is not None else []

    def __len__(self):
        return self._rows

    def __iter__(self):
        return iter(self._columns)

    @property
    def shape(self):
        return (self._rows, len(self._columns))

    @property
    def columns(self):
        return list(self._columns)

    def keys(self):
        return list(self._columns)

    def __getitem__(self, key):
        if isinstance(key, str):
            return Series(_rows=self._rows, name=key)
        if isinstance(key, list) and all(isinstance(k, str) for k in key):
            return DataFrame(_rows=self._rows, columns=key)
        # A slice selects rows by position (\`df[:800]\`, pandas' indexing docs), as iloc's does.
        if isinstance(key, slice):
            return _relabelled(DataFrame(_rows=_slice_length(key, self._rows), columns=self._columns), key)
        # A boolean mask keeps the rows the data lets through.
        return _unknown_rows("rows selected by a condition")

    def __setitem__(self, key, value):
        if isinstance(key, str) and key not in self._columns:
            self._columns.append(key)

    @property
    def values(self):
        return np.zeros((self._rows, len(self._columns)))

    def to_numpy(self, dtype=None, copy=False, na_value=None):
        return self.values

    @property
    def iloc(self):
        return _FrameRows(self)

    def head(self, n=5):
        return DataFrame(_rows=min(n, self._rows), columns=self._columns)

    def tail(self, n=5):
        return _relabelled(DataFrame(_rows=min(n, self._rows), columns=self._columns))

    def drop(self, labels=None, axis=0, index=None, columns=None, inplace=False, errors="raise"):
        if columns is None and axis in (1, "columns"):
            columns = labels
        if columns is None:
            return _unknown_rows("rows dropped by label")
        names = [columns] if isinstance(columns, str) else list(columns)
        kept = [c for c in self._columns if c not in names]
        if inplace:
            self._columns = kept
            return None
        return DataFrame(_rows=self._rows, columns=kept)

    def _same(self, *args, inplace=False, **kwargs):
        if inplace:
            return None
        return DataFrame(_rows=self._rows, columns=self._columns)

    astype = fillna = replace = copy = abs = round = clip = applymap = _same
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __pow__ = __neg__ = _same

    sort_values = sort_index = rename = interpolate = ffill = bfill = _same

    def set_index(self, keys, drop=True, inplace=False, **kwargs):
        names = [keys] if isinstance(keys, str) else list(keys)
        kept = [c for c in self._columns if c not in names] if drop else self._columns
        if inplace:
            self._columns = kept
            self._plain_labels = False
            return None
        return _relabelled(DataFrame(_rows=self._rows, columns=kept))

    @property
    def loc(self):
        return _FrameLabels(self)

    def reset_index(self, drop=False, inplace=False, **kwargs):
        columns = self._columns if drop else ["index"] + self._columns
        if inplace:
            self._columns = columns
            return None
        return DataFrame(_rows=self._rows, columns=columns)

    def sample(self, n=None, frac=None, replace=False, random_state=None, **kwargs):
        if n is not None:
            return _relabelled(DataFrame(_rows=n, columns=self._columns))
        if frac is None or frac == 1:
            return _relabelled(DataFrame(_rows=self._rows if frac == 1 else 1, columns=self._columns))
        # pandas takes round(frac * rows) of them (NDFrame.sample, pandas 2.2 core/generic.py), Python's round.
        return _relabelled(DataFrame(_rows=round(frac * self._rows), columns=self._columns))

    def pop(self, item):
        # Removes the column in place and returns it (DataFrame.pop): the rows stay.
        if item in self._columns:
            self._columns.remove(item)
        return Series(_rows=self._rows, name=item)

    # The labels of a table's rows where they are not positions: describe()'s statistics, which transpose() makes
    # its columns (\`stats = df.describe().transpose(); (df - stats['mean']) / stats['std']\`).
    _index = None

    def describe(self, *args, **kwargs):
        # One row a statistic, one column each numeric column of the table (which ones are numeric is not known: all
        # are kept); only the count of rows, 8, is certain (DataFrame.describe, numeric data).
        stats = DataFrame(_rows=8, columns=self._columns)
        stats._index = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
        return stats

    def transpose(self, *args, **kwargs):
        return DataFrame(_rows=len(self._columns), columns=self._index if self._index is not None else [])

    @property
    def T(self):
        return self.transpose()

    def _column_figures(self, *args, **kwargs):
        return Series(_rows=len(self._columns))

    mean = std = max = min = sum = median = var = _column_figures

    def _data_rows(self, *args, **kwargs):
        return _unknown_rows("rows that depend on the data")

    dropna = drop_duplicates = query = merge = join = groupby = _data_rows


class _FrameLabels:
    # .loc selects by label (or by a boolean mask): the rows it keeps depend on the index, so they are not counted;
    # assigning through it (a log table's next row) changes nothing the analysis reads.
    def __init__(self, frame):
        self._frame = frame

    def __getitem__(self, key):
        return _unknown_rows("rows selected by label")

    def __setitem__(self, key, value):
        pass


class _FrameRows:
    def __init__(self, frame):
        self._frame = frame

    def __getitem__(self, key):
        rows, cols = key if isinstance(key, tuple) else (key, slice(None))
        taken = _taken(rows, self._frame._rows)
        names = self._frame._columns
        if isinstance(cols, slice):
            kept = names[cols]
        elif isinstance(cols, (list, tuple)):
            kept = [names[c] for c in cols]
        else:
            kept = None
        if taken is None:
            return Series(_rows=len(names) if kept is None else len(kept))
        if kept is None:
            return _relabelled(Series(_rows=taken, name=names[cols]), rows)
        return _relabelled(DataFrame(_rows=taken, columns=kept), rows)


def read_csv(filepath_or_buffer, sep=",", delimiter=None, header="infer", names=None, index_col=None, usecols=None, skiprows=None, nrows=None, **kwargs):
    if header == "infer":
        header = None if names is not None else 0
    lines = 1 if header == 0 else 0 if header is None else -1
    if lines < 0 or not (skiprows is None or isinstance(skiprows, int)):
        return _unknown_rows("read_csv with a header or skiprows the analyzer does not follow")
    table = _greenlight_csv.table(filepath_or_buffer, delimiter if delimiter is not None else sep, lines, skiprows or 0, nrows)
    if not _greenlight_unknown.known(table):
        return table
    rows, columns = table
    if names is not None:
        columns = list(names)
    if usecols is not None:
        columns = [c for i, c in enumerate(columns) if c in usecols or i in usecols]
    if index_col is not None and index_col is not False:
        drop = [index_col] if isinstance(index_col, (int, str)) else list(index_col)
        columns = [c for i, c in enumerate(columns) if c not in drop and i not in drop]
    return DataFrame(_rows=rows, columns=columns)


def get_dummies(data, *args, **kwargs):
    # A row of indicators per row of the data (pandas docs, get_dummies): the rows are known, the columns the data's
    # categories make are not.
    if isinstance(data, (DataFrame, Series)):
        table = DataFrame(_rows=data._rows)
        table._columns = _greenlight_unknown.unknown("columns get_dummies makes from the data")
        return table
    return _unknown_rows("columns of dummies")


def _concat_columns(tables, inner):
    # The result's columns (pandas.concat, join="outer" / "inner"): every table's columns in the order first met, or
    # only those all of them share; a Series is one column under its name (0 when it has none).
    lists = [t._columns if isinstance(t, DataFrame) else [0 if t.name is None else t.name] for t in tables]
    names = []
    for columns in lists:
        for c in columns:
            if c not in names and (not inner or all(c in other for other in lists)):
                names.append(c)
    return names


def concat(objs, axis=0, join="outer", ignore_index=False, keys=None, **kwargs):
    # pandas.concat (pandas 2.2 docs): the tables of a list (or a dict's values), None items dropped. Along the rows
    # (axis 0) the result holds every row of each table in turn, whatever its labels; along the columns (axis 1) rows
    # line up by label, so they are counted only where every table has the labels 0..n-1 of the same n rows.
    items = list(objs.values()) if isinstance(objs, dict) else list(objs)
    tables = [t for t in items if t is not None]
    if not tables or not all(isinstance(t, (DataFrame, Series)) for t in tables):
        return _unknown_rows("tables joined by concat")
    if axis in (0, "index", "rows"):
        rows = sum(t._rows for t in tables)
        if all(isinstance(t, Series) for t in tables):
            return Series(_rows=rows, name=tables[0].name)
        table = DataFrame(_rows=rows, columns=_concat_columns(tables, join == "inner"))
        table._plain_labels = ignore_index or len(tables) == 1 and tables[0]._plain_labels
        return table
    rows = tables[0]._rows
    if not all(t._rows == rows and t._plain_labels for t in tables):
        return _unknown_rows("tables joined along columns by labels the analyzer does not follow")
    columns = []
    for t in tables:
        columns += t._columns if isinstance(t, DataFrame) else [0 if t.name is None else t.name]
    return DataFrame(_rows=rows, columns=columns)
`;

/** The pandas stand-in, as a package file the import path finds before an installed pandas. */
export const pandasPackage: [string, string][] = [["pandas/__init__.py", PANDAS]];
