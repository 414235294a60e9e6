package io.parley.render;

/**
 * A page's or fragment's model: a record whose components are the template's variables, by name. A
 * component that is itself a model adds its own variables (a page's frame, a side panel), so parts
 * shared by many pages are typed once.
 */
public interface Model {}
