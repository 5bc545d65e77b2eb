// Nothing to activate: this folder only carries probe-test.js into the extension host.
exports.activate = () => {};
exports.deactivate = () => {};
