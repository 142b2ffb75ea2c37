// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IRewardsDistributor} from "./interfaces/IRewardsDistributor.sol";
import {ITaskEscrow} from "./interfaces/ITaskEscrow.sol";

/// @title Caravan task escrow
/// @notice See {ITaskEscrow}.
contract TaskEscrow is ITaskEscrow, AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    struct Project {
        address requester;
        uint64 deadline;
    }

    IRewardsDistributor public immutable distributor;
    mapping(address token => bool) public isTokenAllowed;
    mapping(bytes32 projectId => Project) private _projects;
    mapping(bytes32 projectId => mapping(address token => uint256)) public balanceOf;
    mapping(bytes32 projectId => mapping(address token => uint256)) public released;

    /// @param admin Holds DEFAULT_ADMIN_ROLE (the token allow-list).
    /// @param operator Holds OPERATOR_ROLE (releases).
    /// @param distributor_ Where released budgets go.
    constructor(address admin, address operator, IRewardsDistributor distributor_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(OPERATOR_ROLE, operator);
        distributor = distributor_;
    }

    /// @inheritdoc ITaskEscrow
    function setTokenAllowed(address token, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        isTokenAllowed[token] = allowed;
        emit TokenAllowed(token, allowed);
    }

    /// @inheritdoc ITaskEscrow
    function fund(bytes32 projectId, address token, uint256 amount, uint64 deadline) external nonReentrant {
        if (!isTokenAllowed[token]) revert TokenNotAllowed(token);
        if (amount == 0) revert ZeroAmount();
        Project storage p = _projects[projectId];
        if (p.requester == address(0)) {
            if (deadline <= block.timestamp) revert DeadlineInPast(deadline);
            p.requester = msg.sender;
            p.deadline = deadline;
        } else {
            if (p.requester != msg.sender) revert NotRequester(projectId, msg.sender, p.requester);
            if (deadline > p.deadline) p.deadline = deadline;
        }
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        balanceOf[projectId][token] += received;
        emit Funded(projectId, token, msg.sender, received, p.deadline);
    }

    /// @inheritdoc ITaskEscrow
    function release(bytes32 projectId, address token, uint256 amount) external onlyRole(OPERATOR_ROLE) nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 available = balanceOf[projectId][token];
        if (amount > available) revert ReleaseExceedsBalance(projectId, token, amount, available);
        balanceOf[projectId][token] = available - amount;
        released[projectId][token] += amount;
        emit Released(projectId, token, amount);
        IERC20(token).forceApprove(address(distributor), amount);
        distributor.fund(token, amount);
    }

    /// @inheritdoc ITaskEscrow
    function refund(bytes32 projectId, address token) external nonReentrant {
        Project memory p = _projects[projectId];
        if (p.requester != msg.sender) revert NotRequester(projectId, msg.sender, p.requester);
        if (block.timestamp < p.deadline) revert BeforeDeadline(projectId, p.deadline);
        uint256 amount = balanceOf[projectId][token];
        if (amount == 0) revert NothingToRefund(projectId, token);
        balanceOf[projectId][token] = 0;
        emit Refunded(projectId, token, msg.sender, amount);
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ITaskEscrow
    function projectOf(bytes32 projectId) external view returns (address requester, uint64 deadline) {
        Project memory p = _projects[projectId];
        return (p.requester, p.deadline);
    }
}
