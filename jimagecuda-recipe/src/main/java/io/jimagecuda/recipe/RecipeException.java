package io.jimagecuda.recipe;

/**
 * A recipe is wrong: malformed JSON, a key or op outside the format, a value of the wrong type, a
 * reference to an image that does not exist, an op that is not implemented yet, or an argument value the
 * library rejects. The message says where: the step (numbered from 1, as in "step 3"), the op and the
 * parameter, or the top-level key or image id.
 */
public class RecipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that locates the problem.
   *
   * @param message where (step, op, parameter or key) and what is wrong
   */
  public RecipeException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message that locates the problem and the library's exception.
   *
   * @param message where (step, op, parameter or key) and what is wrong
   * @param cause the exception the library threw
   */
  public RecipeException(String message, Throwable cause) {
    super(message, cause);
  }
}
