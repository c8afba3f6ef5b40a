/**
 * JSON for every ITSM Kit domain type: a Jackson module with a documented, stable form.
 */
@NullMarked
package dev.itsmkit.jackson;

import org.jspecify.annotations.NullMarked;
