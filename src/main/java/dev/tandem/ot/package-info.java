/**
 * The operational-transformation algebra: {@link dev.tandem.ot.TextOperation} (apply, compose,
 * transform, invert), positions and selection ranges carried through operations, and a document
 * model that applies operations to large texts in place.
 *
 * <p>Pure Java: this package imports only {@code java.*} (a test enforces it), so it can be
 * proven on its own with property tests and reused by any transport or client.
 */
package dev.tandem.ot;
