#!/usr/bin/env node
// Reads a GraphML or GEXF file with graphology and prints what it holds as JSON: the graph's
// type, its nodes with their attributes and its edges (ends, direction, attributes).
// Called by tests/test_exports.py: node read-graph.js FILE
'use strict';
const fs = require('fs');
const Graph = require('graphology');

const file = process.argv[2];
const parser = file.endsWith('.gexf') ? require('graphology-gexf') : require('graphology-graphml');
const graph = parser.parse(Graph, fs.readFileSync(file, 'utf8'));
const out = {
  type: graph.type, multi: graph.multi, order: graph.order, size: graph.size,
  directedSize: graph.directedSize, undirectedSize: graph.undirectedSize,
  attributes: graph.getAttributes(), nodes: {}, edges: []
};
graph.forEachNode((node, attributes) => { out.nodes[node] = attributes; });
graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
  out.edges.push({source, target, undirected, attributes});
});
process.stdout.write(JSON.stringify(out));
