// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Caravan task escrow
/// @notice Holds each project's budget per token. The platform releases what approved work earned to the
/// rewards distributor; what is left goes back to the requester after the project's deadline.
interface ITaskEscrow {
    event TokenAllowed(address indexed token, bool allowed);
    event Funded(bytes32 indexed projectId, address indexed token, address requester, uint256 received, uint64 deadline);
    event Released(bytes32 indexed projectId, address indexed token, uint256 amount);
    event Refunded(bytes32 indexed projectId, address indexed token, address requester, uint256 amount);

    error TokenNotAllowed(address token);
    error ZeroAmount();
    error NotRequester(bytes32 projectId, address caller, address requester);
    error DeadlineInPast(uint64 deadline);
    error ReleaseExceedsBalance(bytes32 projectId, address token, uint256 requested, uint256 available);
    error BeforeDeadline(bytes32 projectId, uint64 deadline);
    error NothingToRefund(bytes32 projectId, address token);

    /// @notice Allows or stops a token for new funding (admin).
    function setTokenAllowed(address token, bool allowed) external;

    /// @notice Puts `amount` of `token` in the project's escrow. The first funding makes the caller the
    /// project's requester; later fundings must come from them and can only move the deadline later.
    /// @dev Credits the balance delta, so fee-on-transfer tokens are counted at what arrived.
    function fund(bytes32 projectId, address token, uint256 amount, uint64 deadline) external;

    /// @notice Moves `amount` of a project's escrow to the rewards distributor (operator).
    function release(bytes32 projectId, address token, uint256 amount) external;

    /// @notice Returns what is left of a project's escrow in `token` to its requester, after the deadline.
    function refund(bytes32 projectId, address token) external;

    /// @notice Whether `token` can fund projects.
    function isTokenAllowed(address token) external view returns (bool);
    /// @notice A project's escrow in one token.
    function balanceOf(bytes32 projectId, address token) external view returns (uint256);
    /// @notice What was released from a project's escrow in one token.
    function released(bytes32 projectId, address token) external view returns (uint256);
    /// @notice A project's requester and refund deadline.
    function projectOf(bytes32 projectId) external view returns (address requester, uint64 deadline);
}
